/** @jest-environment-options {"timezone": "UTC"} */
import { describeSchedule } from './schedule.cases';

describeSchedule('UTC');
