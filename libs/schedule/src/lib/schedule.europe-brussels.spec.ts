/** @jest-environment-options {"timezone": "Europe/Brussels"} */
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';

describeSchedule('Europe/Brussels');
describeRisk('Europe/Brussels');
