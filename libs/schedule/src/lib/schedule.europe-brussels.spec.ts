/** @jest-environment-options {"timezone": "Europe/Brussels"} */
import { describeSchedule } from './schedule.cases';

describeSchedule('Europe/Brussels');
