import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

export class OrderLineDto {
  @IsString()
  @Matches(/^[A-Z0-9-]{4,32}$/)
  sku: string;

  @IsInt()
  @Min(1)
  @Max(99)
  quantity: number;
}

export class CreateOrderDto {
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  lines: OrderLineDto[];
}
