/** @jest-environment-options {"timezone": "America/Santiago"} */
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';

describeSchedule('America/Santiago');
describeRisk('America/Santiago');
