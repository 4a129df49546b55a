/** @jest-environment-options {"timezone": "America/Los_Angeles"} */
import { describeSchedule } from './schedule.cases';

describeSchedule('America/Los_Angeles');
