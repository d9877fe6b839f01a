import { IsDateString, IsIn, IsOptional, IsString, MinLength } from 'class-validator';

export class CreateExportDto {
  @IsDateString()
  from: string;

  @IsDateString()
  to: string;

  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx' = 'csv';

  // Protects the generated archive; never stored or logged.
  @IsOptional()
  @IsString()
  @MinLength(8)
  password?: string;
}
