/** @jest-environment-options {"timezone": "UTC"} */
import { describeBaseline } from './baseline.cases';
import { describeForecast } from './forecast.cases';
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';
import { describeWindowText } from './window-text.cases';

describeSchedule('UTC');
describeRisk('UTC');
describeWindowText('UTC');
describeBaseline('UTC');
describeForecast('UTC');
