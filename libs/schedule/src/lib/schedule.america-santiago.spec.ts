/** @jest-environment-options {"timezone": "America/Santiago"} */
import { describeBaseline } from './baseline.cases';
import { describeForecast } from './forecast.cases';
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';
import { describeWindowText } from './window-text.cases';

describeSchedule('America/Santiago');
describeRisk('America/Santiago');
describeWindowText('America/Santiago');
describeBaseline('America/Santiago');
describeForecast('America/Santiago');
