/** @jest-environment-options {"timezone": "Europe/Brussels"} */
import { describeBaseline } from './baseline.cases';
import { describeForecast } from './forecast.cases';
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';
import { describeWindowText } from './window-text.cases';

describeSchedule('Europe/Brussels');
describeRisk('Europe/Brussels');
describeWindowText('Europe/Brussels');
describeBaseline('Europe/Brussels');
describeForecast('Europe/Brussels');
