import zipfile
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
ct = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'''
rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
# sheet order in workbook differs from part numbering; absolute target on one
wb = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook {NS}><bookViews><workbookView/></bookViews><sheets><sheet name="检查结果" sheetId="2" r:id="rId7"/><sheet name="Other" sheetId="1" r:id="rId3"/></sheets></workbook>'''
wbrels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'''
sst = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="8" uniqueCount="7"><si><t>企业名称</t></si><si><t>信用代码</t></si><si><t xml:space="preserve"> 结果 </t></si><si><r><rPr><b/></rPr><t>合格</t></r><r><t xml:space="preserve"> &amp; </t></r><r><t>整改</t></r><rPh sb="0" eb="1"><t>ゴウ</t></rPh></si><si><t>0012</t></si><si><t>第一行_x000D_
第二行</t></si><si><t/></si></sst>'''
sheet2 = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:D5"/><x:sheetData>
<x:row r="1" spans="1:4"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1"><x:v>2024</x:v></x:c></x:row>
<x:row r="2"><x:c r="A2" t="s" s="1"><x:v>3</x:v></x:c><x:c r="B2" t="s"><x:v>4</x:v></x:c><x:c r="C2"><x:f>1+2</x:f><x:v>3.0</x:v></x:c><x:c r="D2" t="e"><x:v>#N/A</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="s"><x:v>5</x:v></x:c><x:c r="C4" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="D4" s="3"/></x:row>
<x:row r="5"><x:c r="B5"><x:v>1.5E+3</x:v></x:c><x:c r="C5"><x:v>45292</x:v></x:c><x:c r="D5" t="s"><x:v>6</x:v></x:c></x:row>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>'''
sheet1 = f'''<?xml version="1.0" encoding="UTF-8"?>
<worksheet {NS}><sheetData><row><c><v>1</v></c><c t="inlineStr"><is><t>无引用</t></is></c></row><row><c t="b"><v>1</v></c></row></sheetData></worksheet>'''
styles = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf/><xf/><xf/><xf/></cellXfs></styleSheet>'''
wbrels = wbrels.replace("</Relationships>", '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
with zipfile.ZipFile("excel_style_fixture.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", ct); z.writestr("_rels/.rels", rels)
    z.writestr("xl/workbook.xml", wb); z.writestr("xl/_rels/workbook.xml.rels", wbrels)
    z.writestr("xl/sharedStrings.xml", sst); z.writestr("xl/worksheets/sheet1.xml", sheet1)
    z.writestr("xl/worksheets/sheet2.xml", sheet2)
    z.writestr("xl/styles.xml", styles)
import openpyxl
w = openpyxl.load_workbook("excel_style_fixture.xlsx")
for ws in w:
    print(ws.title, [[c.value for c in r] for r in ws.iter_rows()])
