/** @jest-environment-options {"timezone": "America/Santiago"} */
import { describeRisk } from './risk.cases';
import { describeSchedule } from './schedule.cases';
import { describeWindowText } from './window-text.cases';

describeSchedule('America/Santiago');
describeRisk('America/Santiago');
describeWindowText('America/Santiago');
