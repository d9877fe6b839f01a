package regex

import (
	"sync"
	"unicode"
)

// Character sets of the JavaScript escapes and of '.'.
var (
	digitSet = newSet(RuneRange{'0', '9'})
	wordSet  = newSet(RuneRange{'0', '9'}, RuneRange{'A', 'Z'}, RuneRange{'_', '_'}, RuneRange{'a', 'z'})
	// spaceSet is ECMAScript WhiteSpace plus LineTerminator.
	spaceSet = newSet(
		RuneRange{'\t', '\r'}, RuneRange{' ', ' '}, RuneRange{0xA0, 0xA0}, RuneRange{0x1680, 0x1680},
		RuneRange{0x2000, 0x200A}, RuneRange{0x2028, 0x2029}, RuneRange{0x202F, 0x202F},
		RuneRange{0x205F, 0x205F}, RuneRange{0x3000, 0x3000}, RuneRange{0xFEFF, 0xFEFF},
	)
	lineTermSet = runeSet('\n', '\r', 0x2028, 0x2029)
	anySet      = CharSet{{0, MaxRune}}
	dotSet      = lineTermSet.Negate()
)

// escapeSet is the set of a character-class escape letter (d D s S w W).
func escapeSet(c byte) CharSet {
	switch c {
	case 'd':
		return digitSet
	case 'D':
		return digitSet.Negate()
	case 's':
		return spaceSet
	case 'S':
		return spaceSet.Negate()
	case 'w':
		return wordSet
	case 'W':
		return wordSet.Negate()
	}
	return nil
}

var (
	foldOnce  sync.Once
	foldables []rune // every code point whose simple case-fold orbit is not just itself
)

func initFoldables() {
	for _, cr := range unicode.CaseRanges {
		for r := rune(cr.Lo); r <= rune(cr.Hi); r++ {
			if unicode.SimpleFold(r) != r {
				foldables = append(foldables, r)
			}
		}
	}
}

// foldSet closes s under simple case folding: the approximation of the i
// flag (JavaScript canonicalizes with toUpperCase without the u flag and with
// simple case folding with it; the difference is negligible here).
func foldSet(s CharSet) CharSet {
	if len(s) == 0 {
		return s
	}
	foldOnce.Do(initFoldables)
	var extra []RuneRange
	add := func(r rune) {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if !s.Contains(f) {
				extra = append(extra, RuneRange{f, f})
			}
		}
	}
	if s.Size() <= 256 {
		for _, rr := range s {
			for r := rr.Lo; r <= rr.Hi; r++ {
				add(r)
			}
		}
	} else {
		for _, r := range foldables {
			if s.Contains(r) {
				add(r)
			}
		}
	}
	if len(extra) == 0 {
		return s
	}
	return s.Union(newSet(extra...))
}

var (
	tableMu    sync.Mutex
	tableCache = map[*unicode.RangeTable]CharSet{}
)

// tableSet converts a unicode.RangeTable into a CharSet.
func tableSet(t *unicode.RangeTable) CharSet {
	tableMu.Lock()
	defer tableMu.Unlock()
	if s, ok := tableCache[t]; ok {
		return s
	}
	var buf []RuneRange
	for _, r := range t.R16 {
		if r.Stride == 1 {
			buf = append(buf, RuneRange{rune(r.Lo), rune(r.Hi)})
			continue
		}
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			buf = append(buf, RuneRange{c, c})
		}
	}
	for _, r := range t.R32 {
		if r.Stride == 1 {
			buf = append(buf, RuneRange{rune(r.Lo), rune(r.Hi)})
			continue
		}
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			buf = append(buf, RuneRange{c, c})
		}
	}
	s := newSet(buf...)
	tableCache[t] = s
	return s
}

func tables(ts ...*unicode.RangeTable) CharSet {
	var s CharSet
	for _, t := range ts {
		s = s.Union(tableSet(t))
	}
	return s
}

func category(name string) CharSet {
	t, ok := unicode.Categories[name]
	if !ok {
		return nil
	}
	return tableSet(t)
}

// generalCategories maps every General_Category value and alias accepted by
// ECMAScript to the short name used by package unicode.
var generalCategories = map[string]string{
	"C": "C", "Other": "C", "Cc": "Cc", "Control": "Cc", "cntrl": "Cc", "Cf": "Cf", "Format": "Cf",
	"Cn": "Cn", "Unassigned": "Cn", "Co": "Co", "Private_Use": "Co", "Cs": "Cs", "Surrogate": "Cs",
	"L": "L", "Letter": "L", "LC": "LC", "Cased_Letter": "LC", "Ll": "Ll", "Lowercase_Letter": "Ll",
	"Lm": "Lm", "Modifier_Letter": "Lm", "Lo": "Lo", "Other_Letter": "Lo", "Lt": "Lt",
	"Titlecase_Letter": "Lt", "Lu": "Lu", "Uppercase_Letter": "Lu",
	"M": "M", "Mark": "M", "Combining_Mark": "M", "Mc": "Mc", "Spacing_Mark": "Mc", "Me": "Me",
	"Enclosing_Mark": "Me", "Mn": "Mn", "Nonspacing_Mark": "Mn",
	"N": "N", "Number": "N", "Nd": "Nd", "Decimal_Number": "Nd", "digit": "Nd", "Nl": "Nl",
	"Letter_Number": "Nl", "No": "No", "Other_Number": "No",
	"P": "P", "Punctuation": "P", "punct": "P", "Pc": "Pc", "Connector_Punctuation": "Pc", "Pd": "Pd",
	"Dash_Punctuation": "Pd", "Pe": "Pe", "Close_Punctuation": "Pe", "Pf": "Pf", "Final_Punctuation": "Pf",
	"Pi": "Pi", "Initial_Punctuation": "Pi", "Po": "Po", "Other_Punctuation": "Po", "Ps": "Ps",
	"Open_Punctuation": "Ps",
	"S":                "S", "Symbol": "S", "Sc": "Sc", "Currency_Symbol": "Sc", "Sk": "Sk", "Modifier_Symbol": "Sk",
	"Sm": "Sm", "Math_Symbol": "Sm", "So": "So", "Other_Symbol": "So",
	"Z": "Z", "Separator": "Z", "Zl": "Zl", "Line_Separator": "Zl", "Zp": "Zp", "Paragraph_Separator": "Zp",
	"Zs": "Zs", "Space_Separator": "Zs",
}

func generalCategorySet(short string) CharSet {
	switch short {
	case "C":
		// package unicode's C lacks the unassigned code points.
		return category("C").Union(category("Cn"))
	case "Cn":
		if s := category("Cn"); s != nil {
			return s
		}
		return assignedSet().Negate()
	case "LC":
		if s := category("LC"); s != nil {
			return s
		}
		return tables(unicode.Lu, unicode.Ll, unicode.Lt)
	}
	return category(short)
}

var (
	assignedOnce sync.Once
	assigned     CharSet
)

func assignedSet() CharSet {
	assignedOnce.Do(func() {
		for name, t := range unicode.Categories {
			if name == "Cn" {
				continue
			}
			assigned = assigned.Union(tableSet(t))
		}
	})
	return assigned
}

func prop(name string) *unicode.RangeTable { return unicode.Properties[name] }

// binaryProperty returns the set of an ECMAScript binary Unicode property.
// Properties that package unicode lacks are approximated from the tables it
// has (documented in the package comment: the sets only steer the overlap
// tests of the analysis).
func binaryProperty(name string) (CharSet, bool) {
	if canon, ok := binaryAliases[name]; ok {
		name = canon
	}
	switch name {
	case "ASCII":
		return CharSet{{0, 0x7F}}, true
	case "Any":
		return anySet, true
	case "Assigned":
		return assignedSet(), true
	case "Alphabetic":
		return tables(unicode.L, unicode.Nl, prop("Other_Alphabetic")), true
	case "Lowercase":
		return tables(unicode.Ll, prop("Other_Lowercase")), true
	case "Uppercase":
		return tables(unicode.Lu, prop("Other_Uppercase")), true
	case "Cased":
		return tables(unicode.Lu, unicode.Ll, unicode.Lt, prop("Other_Lowercase"), prop("Other_Uppercase")), true
	case "Math":
		return tables(unicode.Sm, prop("Other_Math")), true
	case "ID_Start", "XID_Start":
		return idStartSet(), true
	case "ID_Continue", "XID_Continue":
		return idContinueSet(), true
	case "Case_Ignorable":
		return tables(unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk), true
	case "Changes_When_Lowercased", "Changes_When_Casefolded", "Changes_When_NFKC_Casefolded":
		return tables(unicode.Lu, unicode.Lt), true
	case "Changes_When_Uppercased", "Changes_When_Titlecased":
		return tables(unicode.Ll, unicode.Lt), true
	case "Changes_When_Casemapped":
		return tables(unicode.Lu, unicode.Ll, unicode.Lt), true
	case "Default_Ignorable_Code_Point":
		return tables(unicode.Cf, prop("Other_Default_Ignorable_Code_Point"), prop("Variation_Selector")), true
	case "Grapheme_Extend":
		return tables(unicode.Mn, unicode.Me, prop("Other_Grapheme_Extend")), true
	case "Grapheme_Base":
		return assignedSet().Subtract(tables(unicode.Cc, unicode.Cf, unicode.Cs, unicode.Co, unicode.Zl, unicode.Zp, unicode.Mn, unicode.Me)), true
	case "Bidi_Mirrored":
		return tables(unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf, unicode.Sm), true
	case "Emoji", "Emoji_Presentation", "Extended_Pictographic", "Emoji_Modifier_Base":
		return emojiSet(), true
	case "Emoji_Component":
		return newSet(RuneRange{'#', '#'}, RuneRange{'*', '*'}, RuneRange{'0', '9'}, RuneRange{0x200D, 0x200D},
			RuneRange{0x20E3, 0x20E3}, RuneRange{0xFE0F, 0xFE0F}, RuneRange{0x1F1E6, 0x1F1FF},
			RuneRange{0x1F3FB, 0x1F3FF}, RuneRange{0x1F9B0, 0x1F9B3}, RuneRange{0xE0020, 0xE007F}), true
	case "Emoji_Modifier":
		return CharSet{{0x1F3FB, 0x1F3FF}}, true
	}
	if t, ok := unicode.Properties[name]; ok {
		return tableSet(t), true
	}
	return nil, false
}

var binaryAliases = map[string]string{
	"AHex": "ASCII_Hex_Digit", "Alpha": "Alphabetic", "Bidi_C": "Bidi_Control", "Bidi_M": "Bidi_Mirrored",
	"CI": "Case_Ignorable", "CWCF": "Changes_When_Casefolded", "CWCM": "Changes_When_Casemapped",
	"CWKCF": "Changes_When_NFKC_Casefolded", "CWL": "Changes_When_Lowercased",
	"CWT": "Changes_When_Titlecased", "CWU": "Changes_When_Uppercased", "DI": "Default_Ignorable_Code_Point",
	"Dep": "Deprecated", "Dia": "Diacritic", "EBase": "Emoji_Modifier_Base", "EComp": "Emoji_Component",
	"EMod": "Emoji_Modifier", "EPres": "Emoji_Presentation", "ExtPict": "Extended_Pictographic",
	"Ext": "Extender", "Gr_Base": "Grapheme_Base", "Gr_Ext": "Grapheme_Extend", "Hex": "Hex_Digit",
	"IDSB": "IDS_Binary_Operator", "IDST": "IDS_Trinary_Operator", "IDC": "ID_Continue", "IDS": "ID_Start",
	"Ideo": "Ideographic", "Join_C": "Join_Control", "LOE": "Logical_Order_Exception", "Lower": "Lowercase",
	"NChar": "Noncharacter_Code_Point", "Pat_Syn": "Pattern_Syntax", "Pat_WS": "Pattern_White_Space",
	"QMark": "Quotation_Mark", "RI": "Regional_Indicator", "STerm": "Sentence_Terminal", "SD": "Soft_Dotted",
	"Term": "Terminal_Punctuation", "UIdeo": "Unified_Ideograph", "Upper": "Uppercase",
	"VS": "Variation_Selector", "space": "White_Space", "XIDC": "XID_Continue", "XIDS": "XID_Start",
}

// notECMAScript lists the properties of package unicode that ECMAScript
// does not accept (contributory and deprecated ones).
var notECMAScript = map[string]bool{
	"Hyphen": true, "Other_Alphabetic": true, "Other_Math": true, "Prepended_Concatenation_Mark": true,
	"Other_ID_Start": true, "Other_ID_Continue": true, "Other_Lowercase": true, "Other_Uppercase": true,
	"Other_Default_Ignorable_Code_Point": true, "Other_Grapheme_Extend": true,
}

func idStartSet() CharSet {
	return tables(unicode.L, unicode.Nl, prop("Other_ID_Start"))
}

func idContinueSet() CharSet {
	return idStartSet().Union(tables(unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, prop("Other_ID_Continue")))
}

func emojiSet() CharSet {
	return tableSet(unicode.So).Union(newSet(RuneRange{0x1F000, 0x1FAFF}, RuneRange{0x2600, 0x27BF}))
}

// stringProperties are the v-flag properties of strings. Their sets are
// approximated by the emoji code points (the strings start with one).
var stringProperties = map[string]bool{
	"Basic_Emoji": true, "Emoji_Keycap_Sequence": true, "RGI_Emoji_Modifier_Sequence": true,
	"RGI_Emoji_Flag_Sequence": true, "RGI_Emoji_Tag_Sequence": true, "RGI_Emoji_ZWJ_Sequence": true,
	"RGI_Emoji": true,
}

// scriptAliases maps ISO 15924 codes to package unicode script names.
var scriptAliases = map[string]string{
	"Adlm": "Adlam", "Hluw": "Anatolian_Hieroglyphs", "Arab": "Arabic", "Armn": "Armenian", "Avst": "Avestan",
	"Bali": "Balinese", "Bamu": "Bamum", "Bass": "Bassa_Vah", "Batk": "Batak", "Beng": "Bengali",
	"Bhks": "Bhaiksuki", "Bopo": "Bopomofo", "Brah": "Brahmi", "Brai": "Braille", "Bugi": "Buginese",
	"Buhd": "Buhid", "Cans": "Canadian_Aboriginal", "Cari": "Carian", "Aghb": "Caucasian_Albanian",
	"Cakm": "Chakma", "Cher": "Cherokee", "Chrs": "Chorasmian", "Zyyy": "Common", "Copt": "Coptic",
	"Qaac": "Coptic", "Xsux": "Cuneiform", "Cprt": "Cypriot", "Cpmn": "Cypro_Minoan", "Cyrl": "Cyrillic",
	"Dsrt": "Deseret", "Deva": "Devanagari", "Diak": "Dives_Akuru", "Dogr": "Dogra", "Dupl": "Duployan",
	"Egyp": "Egyptian_Hieroglyphs", "Elba": "Elbasan", "Elym": "Elymaic", "Ethi": "Ethiopic",
	"Geor": "Georgian", "Glag": "Glagolitic", "Goth": "Gothic", "Gran": "Grantha", "Grek": "Greek",
	"Gujr": "Gujarati", "Gong": "Gunjala_Gondi", "Guru": "Gurmukhi", "Hani": "Han", "Hang": "Hangul",
	"Rohg": "Hanifi_Rohingya", "Hano": "Hanunoo", "Hatr": "Hatran", "Hebr": "Hebrew", "Hira": "Hiragana",
	"Armi": "Imperial_Aramaic", "Zinh": "Inherited", "Qaai": "Inherited", "Phli": "Inscriptional_Pahlavi",
	"Prti": "Inscriptional_Parthian", "Java": "Javanese", "Kthi": "Kaithi", "Knda": "Kannada",
	"Kana": "Katakana", "Kali": "Kayah_Li", "Khar": "Kharoshthi", "Kits": "Khitan_Small_Script",
	"Khmr": "Khmer", "Khoj": "Khojki", "Sind": "Khudawadi", "Laoo": "Lao", "Latn": "Latin", "Lepc": "Lepcha",
	"Limb": "Limbu", "Lina": "Linear_A", "Linb": "Linear_B", "Lyci": "Lycian", "Lydi": "Lydian",
	"Mahj": "Mahajani", "Maka": "Makasar", "Mlym": "Malayalam", "Mand": "Mandaic", "Mani": "Manichaean",
	"Marc": "Marchen", "Gonm": "Masaram_Gondi", "Medf": "Medefaidrin", "Mtei": "Meetei_Mayek",
	"Mend": "Mende_Kikakui", "Merc": "Meroitic_Cursive", "Mero": "Meroitic_Hieroglyphs", "Plrd": "Miao",
	"Mong": "Mongolian", "Mroo": "Mro", "Mult": "Multani", "Mymr": "Myanmar", "Nbat": "Nabataean",
	"Nagm": "Nag_Mundari", "Nand": "Nandinagari", "Talu": "New_Tai_Lue", "Nkoo": "Nko", "Nshu": "Nushu",
	"Hmnp": "Nyiakeng_Puachue_Hmong", "Ogam": "Ogham", "Olck": "Ol_Chiki", "Hung": "Old_Hungarian",
	"Ital": "Old_Italic", "Narb": "Old_North_Arabian", "Perm": "Old_Permic", "Xpeo": "Old_Persian",
	"Sogo": "Old_Sogdian", "Sarb": "Old_South_Arabian", "Orkh": "Old_Turkic", "Ougr": "Old_Uyghur",
	"Orya": "Oriya", "Osge": "Osage", "Osma": "Osmanya", "Hmng": "Pahawh_Hmong", "Palm": "Palmyrene",
	"Pauc": "Pau_Cin_Hau", "Phag": "Phags_Pa", "Phnx": "Phoenician", "Phlp": "Psalter_Pahlavi",
	"Rjng": "Rejang", "Runr": "Runic", "Samr": "Samaritan", "Saur": "Saurashtra", "Shrd": "Sharada",
	"Shaw": "Shavian", "Sidd": "Siddham", "Sgnw": "SignWriting", "Sinh": "Sinhala", "Sogd": "Sogdian",
	"Sora": "Sora_Sompeng", "Soyo": "Soyombo", "Sund": "Sundanese", "Sylo": "Syloti_Nagri", "Syrc": "Syriac",
	"Tglg": "Tagalog", "Tagb": "Tagbanwa", "Tale": "Tai_Le", "Lana": "Tai_Tham", "Tavt": "Tai_Viet",
	"Takr": "Takri", "Taml": "Tamil", "Tnsa": "Tangsa", "Tang": "Tangut", "Telu": "Telugu", "Thaa": "Thaana",
	"Tibt": "Tibetan", "Tfng": "Tifinagh", "Tirh": "Tirhuta", "Ugar": "Ugaritic", "Vaii": "Vai",
	"Vith": "Vithkuqi", "Wcho": "Wancho", "Wara": "Warang_Citi", "Yezi": "Yezidi", "Yiii": "Yi",
	"Zanb": "Zanabazar_Square",
}

// scriptSet returns the set of a Script or Script_Extensions value. Values
// newer than package unicode's tables (well-formed names it does not know)
// are accepted and approximated by all letters and marks, so that valid
// patterns written against a newer Unicode version still parse.
func scriptSet(value string) (CharSet, bool) {
	if canon, ok := scriptAliases[value]; ok {
		value = canon
	}
	if t, ok := unicode.Scripts[value]; ok {
		return tableSet(t), true
	}
	switch value {
	case "Unknown", "Zzzz":
		return generalCategorySet("Cn"), true
	}
	if len(value) < 3 || !(value[0] >= 'A' && value[0] <= 'Z') {
		return nil, false
	}
	for i := 0; i < len(value); i++ {
		c := value[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_') {
			return nil, false
		}
	}
	return tables(unicode.L, unicode.M), true
}

// propertySet resolves the body of \p{...}. strings reports a property of
// strings (v flag only).
func propertySet(body string, vmode bool) (set CharSet, strings bool, ok bool) {
	name, value, hasValue := cut(body, '=')
	if hasValue {
		switch name {
		case "General_Category", "gc":
			if short, ok := generalCategories[value]; ok {
				return generalCategorySet(short), false, true
			}
		case "Script", "sc", "Script_Extensions", "scx":
			if s, ok := scriptSet(value); ok {
				return s, false, true
			}
		}
		return nil, false, false
	}
	if short, ok := generalCategories[name]; ok {
		return generalCategorySet(short), false, true
	}
	if notECMAScript[name] {
		return nil, false, false
	}
	if s, ok := binaryProperty(name); ok {
		return s, false, true
	}
	if vmode && stringProperties[name] {
		return emojiSet(), true, true
	}
	return nil, false, false
}

func cut(s string, sep byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func isIDStart(r rune) bool {
	return r == '$' || r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) ||
		unicode.Is(unicode.Other_ID_Start, r)
}

func isIDContinue(r rune) bool {
	return isIDStart(r) || r == 0x200C || r == 0x200D || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}
