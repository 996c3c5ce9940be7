import openpyxl, datetime
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "企业名单"
ws.append(["统一社会信用代码", "企业名称", "注册资本", "备注", "是否抽中"])
ws.append(["91110000100000000X", "北京某某科技有限公司", 12, "A & B <c> \"q\" 'a'", True])
ws["A3"] = "0012"
ws["B3"] = "上海某某贸易有限公司"
ws["C3"] = 12.5
# D3 missing
ws["E3"] = False
ws["A4"] = "  前后空格  "
ws["B4"] = CellRichText([TextBlock(InlineFont(b=True), "富文本"), "普通", TextBlock(InlineFont(i=True), "斜体")])
ws["C4"] = 3.0
ws["D4"] = "多行\n文本"
# row 5 empty, row 6 has data
ws["A6"] = "最后一行"
ws["C6"] = 1234567890123
ws2 = wb.create_sheet("第二页")
ws2["A1"] = "名称"
ws2["B2"] = "值"
wb.save("openpyxl_fixture.xlsx")
