package genproject

import "regexp"

func (f field) column() (decorator, tsType string) {
	switch f.kind {
	case kString:
		if f.optional {
			return "@Column({ length: 80, nullable: true })", "string | null"
		}
		return "@Column({ length: 80 })", "string"
	case kText:
		return "@Column({ type: 'text', default: '' })", "string"
	case kEmail:
		return "@Column({ length: 254 })", "string"
	case kURL:
		return "@Column({ length: 2048, nullable: true })", "string | null"
	case kCurrency:
		return "@Column({ length: 3, default: 'EUR' })", "string"
	case kInt:
		return "@Column({ type: 'integer', default: 0 })", "number"
	case kDecimal:
		return "@Column({ type: 'numeric', precision: 12, scale: 2, default: 0 })", "number"
	case kBool:
		return "@Column({ default: false })", "boolean"
	case kDate:
		return "@Column({ type: 'timestamptz', nullable: true })", "Date | null"
	default: // kStrings
		return "@Column({ type: 'text', array: true, default: '{}' })", "string[]"
	}
}

// validators returns the class-validator decorators of the create DTO property and its type.
func (f field) validators() (decorators []string, tsType string, optional bool) {
	switch f.kind {
	case kString:
		decorators, tsType, optional = []string{"@IsString()", "@MaxLength(80)"}, "string", f.optional
	case kText:
		decorators, tsType, optional = []string{"@IsString()", "@MaxLength(4000)"}, "string", true
	case kEmail:
		decorators, tsType = []string{"@IsEmail()"}, "string"
	case kURL:
		decorators, tsType, optional = []string{"@IsUrl({ require_tld: false })"}, "string", true
	case kCurrency:
		decorators, tsType, optional = []string{"@IsISO4217CurrencyCode()"}, "string", true
	case kInt:
		decorators, tsType, optional = []string{"@IsInt()", "@Min(0)", "@Max(1_000_000)"}, "number", f.optional
	case kDecimal:
		decorators, tsType, optional = []string{"@IsNumber({ maxDecimalPlaces: 2 })", "@Min(0)"}, "number", f.optional
	case kBool:
		decorators, tsType, optional = []string{"@IsBoolean()"}, "boolean", true
	case kDate:
		decorators, tsType, optional = []string{"@IsDateString()"}, "string", true
	default: // kStrings
		decorators, tsType, optional = []string{"@IsArray()", "@ArrayMaxSize(20)", "@IsString({ each: true })"}, "string[]", true
	}
	if optional {
		decorators = append([]string{"@IsOptional()"}, decorators...)
	}
	return decorators, tsType, optional
}

var decoratorName = regexp.MustCompile(`^@(\w+)\(`)

func (m *module) entityFile() string {
	im := imports{}
	im.add("typeorm", "Column", "CreateDateColumn", "Entity", "PrimaryGeneratedColumn", "UpdateDateColumn")
	c := newCode(m.replacer())
	c.add(`
export enum {{E}}Status {
  Draft = 'draft',
  Active = 'active',
  Archived = 'archived',
}

@Entity('{{table}}')
export class {{E}} {
  @PrimaryGeneratedColumn('uuid')
  id: string;
`)
	if m.uniqueName {
		im.add("typeorm", "Index")
		c.add("\n  @Index({ unique: true })")
	} else {
		c.blank()
	}
	c.add(`  @Column({ length: 120 })
  name: string;

  @Column({ type: 'enum', enum: {{E}}Status, default: {{E}}Status.Draft })
  status: {{E}}Status;
`)
	for _, f := range m.fields {
		deco, typ := f.column()
		c.add("\n  " + deco + "\n  " + f.name + ": " + typ + ";")
	}
	if m.prev != nil {
		c.add(`
  @Column({ type: 'uuid', nullable: true })
  {{p}}Id: string | null;
`)
	}
	c.add(`
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}`)
	return im.render() + "\n" + c.String()
}

func (m *module) createDTOFile() string {
	im := imports{}
	c := newCode(m.replacer())
	c.add("export class Create{{E}}Dto {")
	first := true
	prop := func(decorators []string, name, typ string, optional bool) {
		if !first {
			c.blank()
		}
		first = false
		for _, d := range decorators {
			if mm := decoratorName.FindStringSubmatch(d); mm != nil {
				im.add("class-validator", mm[1])
			}
			c.add("  " + d)
		}
		q := ""
		if optional {
			q = "?"
		}
		c.add("  " + name + q + ": " + typ + ";")
	}
	prop([]string{"@IsString()", "@Length(2, 120)"}, "name", "string", false)
	im.add("../entities/"+m.kebab+".entity", m.pascal+"Status")
	prop([]string{"@IsOptional()", "@IsEnum(" + m.pascal + "Status)"}, "status", m.pascal+"Status", true)
	for _, f := range m.fields {
		d, typ, opt := f.validators()
		prop(d, f.name, typ, opt)
	}
	if m.prev != nil {
		prop([]string{"@IsOptional()", "@IsUUID()"}, m.prev.camel+"Id", "string", true)
	}
	c.add("}")
	return im.render() + "\n" + c.String()
}

func (m *module) updateDTOFile() string {
	c := newCode(m.replacer())
	c.add(`
import { PartialType } from '@nestjs/mapped-types';
import { Create{{E}}Dto } from './create-{{k}}.dto';

export class Update{{E}}Dto extends PartialType(Create{{E}}Dto) {}`)
	return c.String()
}
