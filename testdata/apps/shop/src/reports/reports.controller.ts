import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  Headers,
  Logger,
  Param,
  Post,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CreateExportDto } from './dto/create-export.dto';
import { ReportsService } from './reports.service';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@Controller('reports')
@UseGuards(ApiKeyGuard)
export class ReportsController {
  private readonly logger = new Logger(ReportsController.name);

  constructor(private readonly reports: ReportsService) {}

  @Post('exports')
  create(@Body() dto: CreateExportDto, @Headers('x-requested-by') requestedBy?: string) {
    const password = dto.password;
    delete dto.password;
    this.logger.log(`export requested: ${JSON.stringify(dto)}`);
    return this.reports.requestExport(dto, password, requestedBy ?? 'api');
  }

  @Get('nightly/:date')
  @Header('Content-Type', 'text/csv')
  @Header('Content-Encoding', 'gzip')
  async nightly(@Param('date') date: string): Promise<StreamableFile> {
    if (!ISO_DATE.test(date)) {
      throw new BadRequestException('date must be YYYY-MM-DD');
    }
    return new StreamableFile(await this.reports.nightlyFile(date));
  }
}
