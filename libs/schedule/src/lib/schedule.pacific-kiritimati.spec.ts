/** @jest-environment-options {"timezone": "Pacific/Kiritimati"} */
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';

describeSchedule('Pacific/Kiritimati');
describeRisk('Pacific/Kiritimati');
