import { IsInt, Max, Min } from 'class-validator';

export class UpdatePriceDto {
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceCents: number;
}
