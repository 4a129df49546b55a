/** @jest-environment-options {"timezone": "America/Santiago"} */
import { describeSchedule } from './schedule.cases';

describeSchedule('America/Santiago');
