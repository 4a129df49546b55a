/** @jest-environment-options {"timezone": "Pacific/Kiritimati"} */
import { describeSchedule } from './schedule.cases';

describeSchedule('Pacific/Kiritimati');
