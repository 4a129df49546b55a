/** @jest-environment-options {"timezone": "Pacific/Pago_Pago"} */
import { describeBaseline } from './baseline.cases';
import { describeForecast } from './forecast.cases';
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';
import { describeWindowText } from './window-text.cases';

describeSchedule('Pacific/Pago_Pago');
describeRisk('Pacific/Pago_Pago');
describeWindowText('Pacific/Pago_Pago');
describeBaseline('Pacific/Pago_Pago');
describeForecast('Pacific/Pago_Pago');
