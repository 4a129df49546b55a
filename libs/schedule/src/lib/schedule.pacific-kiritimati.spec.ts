/** @jest-environment-options {"timezone": "Pacific/Kiritimati"} */
import { describeBaseline } from './baseline.cases';
import { describeForecast } from './forecast.cases';
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';
import { describeWindowText } from './window-text.cases';

describeSchedule('Pacific/Kiritimati');
describeRisk('Pacific/Kiritimati');
describeWindowText('Pacific/Kiritimati');
describeBaseline('Pacific/Kiritimati');
describeForecast('Pacific/Kiritimati');
