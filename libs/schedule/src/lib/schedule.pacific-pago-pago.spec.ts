/** @jest-environment-options {"timezone": "Pacific/Pago_Pago"} */
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';
import { describeWindowText } from './window-text.cases';

describeSchedule('Pacific/Pago_Pago');
describeRisk('Pacific/Pago_Pago');
describeWindowText('Pacific/Pago_Pago');
