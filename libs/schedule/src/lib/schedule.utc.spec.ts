/** @jest-environment-options {"timezone": "UTC"} */
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';

describeSchedule('UTC');
describeRisk('UTC');
