/** @jest-environment-options {"timezone": "America/Los_Angeles"} */
import { describeBaseline } from './baseline.cases';
import { describeForecast } from './forecast.cases';
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';
import { describeWindowText } from './window-text.cases';

describeSchedule('America/Los_Angeles');
describeRisk('America/Los_Angeles');
describeWindowText('America/Los_Angeles');
describeBaseline('America/Los_Angeles');
describeForecast('America/Los_Angeles');
