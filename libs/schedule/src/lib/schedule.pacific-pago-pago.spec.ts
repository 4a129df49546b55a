/** @jest-environment-options {"timezone": "Pacific/Pago_Pago"} */
import { describeSchedule } from './schedule.cases';

describeSchedule('Pacific/Pago_Pago');
