#!/usr/bin/env python3
"""Writes a large, deterministic MotCua site for the benchmark (issue 8).

    python3 Benchmarks/generate_site.py OUT_DIR --guides 10000 [--procedures 2000] [--fields 20]
                                         [--announcements 1000] [--seed 8] [--theme Theme]

OUT_DIR receives three things built from the SAME guide bodies:

    OUT_DIR/motcua/   a site in the content format (Content/ + a copy of the repo's Theme/)
    OUT_DIR/hugo/     the N guides as a Hugo site (content/*.md, a minimal layout, config.toml)
    OUT_DIR/floor.md  the N guide files concatenated, for the cmark-gfm floor

Every catalog entry is truthful (mot-phan / toan-trinh have an https `nop_truc_tuyen`; toan-trinh returns
the result online or by post), codes and slugs are unique, every `bieu_mau` names a file that is written,
and every form is used, so the site builds with no warnings.
"""
import argparse
import os
import random
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def fold(text):
    """The content format's slug: lowercase, no diacritics, đ → d, words joined by '-'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    out, dash = [], False
    for c in text:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def yq(s):
    """A double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------- vocabulary

COMMUNES = ["An Phú", "Bình Minh", "Đông Hòa", "Tân Lập", "Phú Xá", "Hồng Phong", "Quang Trung", "Thanh Bình",
            "Yên Hòa", "Nam Sơn", "Hưng Đạo", "Lê Lợi", "Minh Tân", "Cẩm Văn", "Gia Xuyên", "Tứ Kỳ"]
HAMLETS = ["Phú Lộc", "An Lạc", "Đông Phú", "Tân Thịnh", "Bình An", "Phú Xá", "Hạ Bì", "Thượng Đạt"]
PEOPLE = ["Mạc Duy Xuê", "Trần Thị Hương", "Nguyễn Văn Hùng", "Phạm Thị Lan", "Lê Quang Vinh", "Vũ Đức Thắng"]
TITLES_SIGN = ["Chủ tịch", "Phó Chủ tịch"]

TOPICS = [
    ("đăng ký khai sinh cho trẻ", "hộ tịch"), ("đăng ký kết hôn", "hộ tịch"), ("đăng ký khai tử", "hộ tịch"),
    ("cấp bản sao trích lục hộ tịch", "hộ tịch"), ("xác nhận tình trạng hôn nhân", "hộ tịch"),
    ("chứng thực bản sao từ bản chính", "chứng thực"), ("chứng thực chữ ký", "chứng thực"),
    ("đăng ký thường trú", "cư trú"), ("đăng ký tạm trú", "cư trú"), ("khai báo tạm vắng", "cư trú"),
    ("đăng ký biến động đất đai", "đất đai"), ("hòa giải tranh chấp đất đai", "đất đai"),
    ("đề nghị trợ cấp xã hội hằng tháng", "bảo trợ xã hội"), ("hỗ trợ chi phí mai táng", "bảo trợ xã hội"),
    ("xác định mức độ khuyết tật", "bảo trợ xã hội"), ("đăng ký hộ kinh doanh", "hộ kinh doanh"),
    ("tạm ngừng hoạt động hộ kinh doanh", "hộ kinh doanh"), ("đăng ký tổ chức lễ hội", "văn hóa"),
    ("thăm viếng mộ liệt sĩ", "người có công"), ("trợ cấp mai táng phí", "người có công"),
    ("tra cứu tình trạng hồ sơ", "dịch vụ công"), ("thanh toán lệ phí trực tuyến", "dịch vụ công"),
    ("đăng ký tài khoản định danh điện tử", "dịch vụ công"), ("nhận kết quả qua bưu điện", "dịch vụ công"),
]
GUIDE_PREFIX = ["Hướng dẫn", "Các bước", "Cách", "Lưu ý khi", "Hỏi đáp về", "Thủ tục"]

INTRO = [
    "UBND xã {xa} hướng dẫn bà con các bước {topic} tại Bộ phận một cửa hoặc trên Cổng Dịch vụ công quốc gia.",
    "Việc {topic} được thực hiện theo quy định mới nhất về thủ tục {group}, áp dụng thống nhất trên toàn tỉnh.",
    "Bà con có thể nộp hồ sơ tại nhà, vào bất kỳ giờ nào, không phải xếp hàng, nếu đã có tài khoản định danh điện tử mức 2.",
    "Hướng dẫn này áp dụng cho cả Cổng Dịch vụ công quốc gia và Cổng Dịch vụ công của tỉnh, vì hai cổng dùng chung tài khoản.",
    "Người cao tuổi, người khuyết tật có thể nhờ con cháu hoặc cán bộ thôn hỗ trợ thao tác trên điện thoại.",
    "Thời hạn giải quyết được tính từ khi cán bộ tiếp nhận đủ hồ sơ hợp lệ, không tính ngày nghỉ lễ, Tết.",
    "Mọi khoản phí, lệ phí đều có biên lai điện tử; bà con không nộp thêm bất kỳ khoản tiền nào ngoài quy định.",
]
STEPS = [
    "Chuẩn bị giấy tờ theo danh mục trên trang thủ tục, chụp ảnh rõ nét, đủ bốn góc, không bị lóa.",
    "Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID, chọn đúng cơ quan thực hiện là UBND xã {xa}.",
    "Điền tờ khai điện tử; thông tin cá nhân đã được điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư.",
    "Đính kèm giấy tờ vào từng mục trong **Thành phần hồ sơ**; giấy tờ đã có trong kho dữ liệu thì chọn lại.",
    "Chọn hình thức nhận kết quả: tại Bộ phận một cửa, trực tuyến hoặc qua bưu điện.",
    "Kiểm tra lại toàn bộ thông tin, đánh dấu ô cam đoan rồi bấm **Nộp hồ sơ**.",
    "Ghi lại mã hồ sơ hiện trên màn hình; mã này cũng được gửi qua tin nhắn và thư điện tử.",
    "Khi có thông báo thanh toán, vào mục **Quản lý hồ sơ đã nộp** và chọn ngân hàng hoặc ví điện tử.",
    "Nếu được yêu cầu bổ sung, mở hồ sơ, tải lên giấy tờ còn thiếu và gửi lại trong thời hạn ghi trong thông báo.",
]
HEADINGS = ["Trước khi nộp", "Các bước thực hiện", "Giấy tờ cần chuẩn bị", "Phí, lệ phí và thời hạn",
            "Nhận kết quả", "Câu hỏi thường gặp", "Khi hồ sơ bị trả lại"]
TABLE_ROWS = [
    ("Tại Bộ phận một cửa", "Trụ sở UBND xã, thôn {thon}", "Không mất phí"),
    ("Trực tuyến", "Kho dữ liệu trên Cổng Dịch vụ công, ứng dụng VNeID", "Không mất phí"),
    ("Qua bưu điện", "Địa chỉ nhà do bà con khai", "Theo bảng cước bưu chính công ích"),
    ("Nộp trực tiếp", "Bộ phận một cửa, giờ hành chính", "{fee}.000 đồng"),
    ("Nộp trực tuyến", "Bất kỳ giờ nào, kể cả ngày nghỉ", "{fee2}.000 đồng"),
    ("Người thuộc hộ nghèo", "Nộp kèm giấy xác nhận hộ nghèo", "Miễn"),
]
CLOSING = [
    "Mọi vướng mắc, xin liên hệ Bộ phận một cửa UBND xã {xa}, điện thoại 0220 3 123 456, hoặc xem thêm tại https://dichvucong.gov.vn.",
    "Cán bộ chỉ được yêu cầu bổ sung hồ sơ **một lần**, nêu rõ giấy tờ còn thiếu; nếu bị yêu cầu nhiều lần, bà con phản ánh qua đường dây nóng của xã.",
    "Kết quả điện tử có chữ ký số của cơ quan, có giá trị pháp lý như bản giấy; khi cần bản giấy, bà con đề nghị cấp bản sao.",
    "Bà con ở xa, đi làm ăn ngoài tỉnh nên chọn nhận kết quả qua bưu điện để không phải về xã; ~~nộp bản giấy~~ không còn bắt buộc.",
]

FIELDS = [
    "Hộ tịch", "Chứng thực", "Đất đai", "Cư trú", "Bảo trợ xã hội", "Người có công", "Văn hóa cơ sở", "Hộ kinh doanh",
    "Giáo dục và đào tạo", "Y tế", "Nông nghiệp", "Lao động, tiền lương", "Tôn giáo, tín ngưỡng", "Thi đua, khen thưởng",
    "Giải quyết khiếu nại", "Phổ biến giáo dục pháp luật", "Tài nguyên môi trường", "Xây dựng", "Giao thông vận tải",
    "Thủy lợi", "Lâm nghiệp", "Thể dục thể thao", "Gia đình", "Trẻ em",
]
ACTIONS = ["Đăng ký", "Cấp", "Cấp lại", "Điều chỉnh", "Xác nhận", "Công nhận", "Hỗ trợ", "Thẩm định", "Giải quyết",
           "Chấm dứt", "Gia hạn", "Thông báo", "Thay đổi", "Hủy bỏ"]
OBJECTS = ["giấy chứng nhận", "hồ sơ", "danh sách", "trợ cấp", "giấy phép", "kế hoạch", "biên bản", "quyết định",
           "chế độ", "thông tin", "thỏa thuận", "đề án"]
QUALIFIERS = ["", "lần đầu", "có yếu tố nước ngoài", "cho người cao tuổi", "cho hộ nghèo", "cho người khuyết tật",
              "trên địa bàn xã", "theo yêu cầu", "khi có thay đổi", "đối với tổ chức", "đối với cá nhân"]
APPLICANTS = ["Công dân Việt Nam", "Tổ chức", "Hộ gia đình", "Người nước ngoài cư trú tại Việt Nam", "Doanh nghiệp"]
LAWS = [
    ("60/2014/QH13", "Luật Hộ tịch", "2014-11-20", "Quốc hội"),
    ("123/2015/NĐ-CP", "Quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch", "2015-11-15", "Chính phủ"),
    ("23/2015/NĐ-CP", "Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký", "2015-02-16", "Chính phủ"),
    ("68/2020/QH14", "Luật Cư trú", "2020-11-13", "Quốc hội"),
    ("31/2024/QH15", "Luật Đất đai", "2024-01-18", "Quốc hội"),
    ("20/2021/NĐ-CP", "Quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội", "2021-03-15", "Chính phủ"),
    ("61/2018/NĐ-CP", "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính", "2018-04-23", "Chính phủ"),
    ("42/2022/NĐ-CP", "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến", "2022-06-24", "Chính phủ"),
    ("85/2019/TT-BTC", "Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh", "2019-11-29", "Bộ Tài chính"),
    ("01/2023/TT-VPCP", "Quy định một số nội dung và biện pháp thi hành trong số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "2023-04-05", "Văn phòng Chính phủ"),
]
FORM_KINDS = ["to-khai", "don-de-nghi", "phieu-yeu-cau", "van-ban-dang-ky", "giay-de-nghi"]
FORM_EXT = ["docx", "docx", "docx", "pdf", "xlsx", "odt"]

ANN_TOPICS = ["lịch tiêm chủng mở rộng", "cấp thẻ Căn cước lưu động", "phòng, chống bão và mưa lớn", "thu thuế sử dụng đất phi nông nghiệp",
              "tổng vệ sinh môi trường", "sử dụng dịch vụ công trực tuyến", "tuyển chọn công dân nhập ngũ", "phòng cháy, chữa cháy rừng",
              "chi trả trợ cấp xã hội tháng", "tiêm phòng dại cho chó, mèo", "đăng ký nghĩa vụ quân sự", "lấy ý kiến nhân dân về quy hoạch"]
ANN_BODY = [
    "Kính thưa toàn thể nhân dân xã {xa}!",
    "Thực hiện kế hoạch của UBND huyện, UBND xã {xa} thông báo về {topic} như sau:",
    "- Thời gian: từ 7 giờ 30 ngày {d}/{m}/2026, tại nhà văn hóa thôn {thon};\n- Đối tượng: toàn thể nhân dân trong độ tuổi quy định;\n- Khi đi, bà con mang theo CCCD và sổ theo dõi (nếu có).",
    "Người già yếu, người khuyết tật không thể đi lại, gia đình báo trưởng thôn để cán bộ đến tận nhà. Thông tin chi tiết, liên hệ Bộ phận một cửa UBND xã, điện thoại 0220 3 123 456.",
    "UBND xã đề nghị trưởng các thôn thông báo rộng rãi đến từng hộ gia đình; đề nghị nhân dân sắp xếp thời gian tham gia đầy đủ.",
    "Xin trân trọng thông báo!",
]


# ---------------------------------------------------------------- guides

def guide_meta(rng, n):
    metas, seen = [], set()
    for i in range(n):
        topic, group = TOPICS[i % len(TOPICS)]
        prefix = GUIDE_PREFIX[(i // len(TOPICS)) % len(GUIDE_PREFIX)]
        xa = COMMUNES[rng.randrange(len(COMMUNES))]
        title = f"{prefix} {topic} tại xã {xa} (số {i + 1})"
        slug = fold(title)
        assert slug not in seen
        seen.add(slug)
        metas.append({"title": title, "slug": slug, "topic": topic, "group": group, "xa": xa,
                      "nhom": ["dang-ky", "nop-ho-so", "tra-cuu", "khac"][i % 4], "order": i + 1})
    return metas


def guide_body(rng, meta, metas):
    xa, topic, group = meta["xa"], meta["topic"], meta["group"]
    other = metas[rng.randrange(len(metas))]
    if other is meta:
        other = metas[(metas.index(meta) + 1) % len(metas)]
    h1, h2 = rng.sample(HEADINGS, 2)
    out = []
    intro = rng.sample(INTRO, 2)
    out.append(" ".join(s.format(xa=xa, topic=topic, group=group) for s in intro))
    out.append("")
    out.append(f"## {h1}")
    out.append("")
    steps = rng.sample(STEPS, 5)
    link_at = rng.randrange(5)
    for k, s in enumerate(steps):
        line = f"{k + 1}. {s.format(xa=xa)}"
        if k == link_at:
            line += f" Xem thêm [{other['title']}](../{other['slug']}/)."
        out.append(line)
    out.append("")
    out.append(f"## {h2}")
    out.append("")
    out.append("| Cách thực hiện | Nơi thực hiện | Chi phí |")
    out.append("|---|---|---|")
    for row in rng.sample(TABLE_ROWS, 4):
        thon = HAMLETS[rng.randrange(len(HAMLETS))]
        fee = rng.choice([5, 8, 10, 15, 20])
        cells = [c.format(thon=thon, fee=fee, fee2=max(fee // 2, 1)) for c in row]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out.append(rng.choice(CLOSING).format(xa=xa))
    out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- catalog

def procedure_names(rng, total):
    combos = [(a, o, q) for a in ACTIONS for o in OBJECTS for q in QUALIFIERS]
    rng.shuffle(combos)
    return combos  # a name also carries its field, so a field takes the next `per_field` combos


def write_catalog(rng, content, total, nfields, form_source):
    forms_dir = os.path.join(content, "bieu-mau")
    os.makedirs(forms_dir, exist_ok=True)
    catalog_dir = os.path.join(content, "thu-tuc")
    os.makedirs(catalog_dir, exist_ok=True)
    # A handful of form files: 40, each used by many procedures.
    forms = []
    for k in range(40):
        topic = TOPICS[k % len(TOPICS)][0]
        name = f"{FORM_KINDS[k % len(FORM_KINDS)]}-{fold(topic)}-mau-{k + 1:02d}.{FORM_EXT[k % len(FORM_EXT)]}"
        forms.append(name)
        with open(os.path.join(forms_dir, name), "wb") as f:
            f.write(form_source + f"\n{name}\n".encode())
    form_cursor = 0
    names = procedure_names(rng, total)
    fields = FIELDS[:nfields]
    per_field = total // nfields
    codes = []
    n = 0
    for fi, field in enumerate(fields):
        lines = [f"linh_vuc: {field}",
                 f"mo_ta: Các thủ tục hành chính thuộc lĩnh vực {field.lower()} giải quyết tại cấp xã trên địa bàn tỉnh.",
                 "thu_tuc:"]
        count = per_field + (1 if fi < total % nfields else 0)
        for _ in range(count):
            a, o, q = names[n % len(names)]
            n += 1
            name = " ".join(x for x in (a, o, field.lower(), q) if x)
            code = f"{1 + fi % 2}.{100000 + n * 37:06d}"
            codes.append(code)
            level = rng.choices(["thong-tin", "mot-phan", "toan-trinh"], weights=[2, 4, 4])[0]
            xa = COMMUNES[rng.randrange(len(COMMUNES))]
            lines.append(f"  - ma: \"{code}\"")
            lines.append(f"    ten: {yq(name)}")
            lines.append(f"    cap: {rng.choices(['xa', 'tinh'], weights=[9, 1])[0]}")
            lines.append(f"    muc_do: {level}")
            lines.append(f"    doi_tuong: [{', '.join(rng.sample(APPLICANTS, rng.randint(1, 2)))}]")
            lines.append(f"    co_quan: Ủy ban nhân dân xã {xa}")
            lines.append(f"    noi_nop: Bộ phận tiếp nhận và trả kết quả (Bộ phận một cửa) UBND xã {xa}, thôn {rng.choice(HAMLETS)}")
            lines.append("    cach_thuc:")
            methods = ["truc-tiep"] + (["truc-tuyen"] if level != "thong-tin" else []) + (["buu-chinh"] if rng.random() < 0.5 else [])
            for m in methods:
                days = rng.choice([1, 3, 5, 7, 10, 15, 20])
                fee = rng.choice([0, 0, 5000, 8000, 10000, 20000, "text"])
                lines.append(f"      - hinh_thuc: {m}")
                lines.append(f"        thoi_han: {days:02d} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ")
                if fee == "text":
                    lines.append(f"        le_phi: {yq('Miễn lệ phí với hộ nghèo; các trường hợp khác: 10.000 đồng/hồ sơ')}")
                else:
                    lines.append(f"        le_phi: {fee}")
            lines.append("    trinh_tu: |")
            lines.append("      1. Người yêu cầu nộp hồ sơ tại Bộ phận một cửa, qua Cổng Dịch vụ công quốc gia hoặc qua bưu chính.")
            lines.append("      2. Công chức chuyên môn kiểm tra hồ sơ; nếu chưa đủ thì hướng dẫn bổ sung **một lần**, đầy đủ.")
            lines.append(f"      3. Chủ tịch UBND xã ký kết quả trong thời hạn quy định; trường hợp từ chối thì trả lời bằng văn bản, nêu rõ lý do.")
            lines.append("      4. Trả kết quả cho người yêu cầu theo hình thức đã chọn.")
            lines.append("    ho_so:")
            ndocs = rng.randint(2, 4)
            nforms = 0 if level == "thong-tin" and rng.random() < 0.5 else rng.randint(1, min(3, ndocs))
            for d in range(ndocs):
                lines.append(f"      - ten: {yq(['Tờ khai', 'Đơn đề nghị', 'Bản sao giấy tờ chứng minh', 'Văn bản ủy quyền'][d] + ' ' + o)}")
                if d < nforms:
                    lines.append(f"        bieu_mau: {forms[form_cursor % len(forms)]}")
                    form_cursor += 1
                lines.append(f"        ban_chinh: 1")
                lines.append(f"        ban_sao: {rng.randint(0, 2)}")
                if rng.random() < 0.3:
                    lines.append("        ghi_chu: Nộp trực tuyến thì kê khai biểu mẫu điện tử, không phải nộp bản giấy.")
            lines.append(f"    ket_qua: {yq(o.capitalize() + ' (bản chính, bản điện tử)')}")
            lines.append(f"    yeu_cau: {rng.choice(['Không', 'Người yêu cầu xuất trình CCCD hoặc giấy tờ tùy thân khác.'])}")
            if rng.random() < 0.4:
                lines.append("    mien_le_phi:")
                lines.append("      - Người thuộc hộ nghèo")
                lines.append("      - Người khuyết tật")
            lines.append("    can_cu:")
            for law in rng.sample(LAWS, rng.randint(1, 3)):
                lines.append(f"      - so: {law[0]}")
                lines.append(f"        trich_yeu: {yq(law[1])}")
                lines.append(f"        ngay: {law[2]}")
                lines.append(f"        co_quan_ban_hanh: {law[3]}")
            if level != "thong-tin":
                lines.append(f"    nop_truc_tuyen: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc={code}")
                lines.append(f"    thanh_toan_truc_tuyen: {'true' if rng.random() < 0.7 else 'false'}")
            if level == "toan-trinh":
                lines.append("    nhan_ket_qua: [truc-tiep, truc-tuyen, buu-chinh]")
            elif level == "mot-phan":
                lines.append("    nhan_ket_qua: [truc-tiep]")
            lines.append("")
        with open(os.path.join(catalog_dir, fold(field) + ".yml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    assert form_cursor >= len(forms), "every form must be used"
    assert len(set(codes)) == len(codes)
    return codes


# ---------------------------------------------------------------- announcements

def write_announcements(rng, content, count):
    folder = os.path.join(content, "thong-bao")
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        topic = ANN_TOPICS[i % len(ANN_TOPICS)]
        xa = COMMUNES[i % len(COMMUNES)]
        thon = HAMLETS[rng.randrange(len(HAMLETS))]
        title = f"Thông báo về {topic} tại thôn {thon} (đợt {i + 1})"
        date = f"2026-{month:02d}-{day:02d}"
        slug = f"{date}-{fold(title)}"
        fm = ["---", f"tieu_de: {yq(title)}", f"so: {i + 1}/TB-UBND", f"ngay: {date}",
              f"noi_nhan: [Đài truyền thanh xã, Các thôn, Thôn {thon}]",
              f"ky: {PEOPLE[i % len(PEOPLE)]}", f"chuc_vu: {TITLES_SIGN[i % 2]}"]
        if i % 3 != 2:
            fm += ["phat_thanh:", f"  muc_uu_tien: {['thuong', 'uu-tien', 'khan-cap'][i % 3]}",
                   f"  bat_dau: {date}", f"  so_tuan: {1 + i % 4}", f"  so_lan_moi_tuan: {1 + i % 3}"]
        fm.append("---")
        body = [p.format(xa=xa, topic=topic, thon=thon, d=day, m=month) for p in ANN_BODY]
        with open(os.path.join(folder, slug + ".md"), "w", encoding="utf-8") as f:
            f.write("\n".join(fm) + "\n\n" + "\n\n".join(body) + "\n")


# ---------------------------------------------------------------- main

SITE_YML = """# Trang thử tải (benchmark) — do Benchmarks/generate_site.py tạo ra
ten: Ủy ban nhân dân tỉnh Hải Dương — Cổng dịch vụ công cấp xã
tinh: Hải Dương
dia_chi: Số 1 đường Trần Hưng Đạo, thành phố Hải Dương
dien_thoai: "0220 3 123 456"
email: vanphong@haiduong.gov.vn
gio_lam_viec: "Sáng 7h30–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu"
cong_dich_vu_cong: https://dichvucong.gov.vn
cong_tinh: https://dichvucong.haiduong.gov.vn
tra_cuu: https://dichvucong.haiduong.gov.vn/tra-cuu-ho-so?ma={ma_ho_so}
base_url: https://haiduong.gov.vn/
muc_do: nd42
phat_thanh:
  toc_do: 180
"""

HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""
HUGO_SINGLE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""
HUGO_LIST = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--guides", type=int, default=1000)
    ap.add_argument("--procedures", type=int, default=2000)
    ap.add_argument("--fields", type=int, default=20)
    ap.add_argument("--announcements", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--theme", default=os.path.join(REPO, "Theme"))
    args = ap.parse_args()
    if not 1 <= args.fields <= len(FIELDS):
        sys.exit(f"--fields must be 1…{len(FIELDS)}")

    out = os.path.abspath(args.out)
    site = os.path.join(out, "motcua")
    hugo = os.path.join(out, "hugo")
    for d in (site, hugo):
        if os.path.exists(d):
            shutil.rmtree(d)
    content = os.path.join(site, "Content")
    guides_dir = os.path.join(content, "huong-dan")
    os.makedirs(guides_dir)
    os.makedirs(os.path.join(hugo, "content"))
    os.makedirs(os.path.join(hugo, "layouts", "_default"))

    rng = random.Random(args.seed)
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as f:
        f.write(SITE_YML)
    sample = os.path.join(REPO, "Content")
    for extra in ("trang",):
        if os.path.isdir(os.path.join(sample, extra)):
            shutil.copytree(os.path.join(sample, extra), os.path.join(content, extra))
    if os.path.exists(os.path.join(sample, "viet-tat.yml")):
        shutil.copy(os.path.join(sample, "viet-tat.yml"), content)
    form_source = b"PK\x03\x04 benchmark form\n"
    sample_forms = os.path.join(sample, "bieu-mau")
    if os.path.isdir(sample_forms):
        first = sorted(os.listdir(sample_forms))
        if first:
            with open(os.path.join(sample_forms, first[0]), "rb") as f:
                form_source = f.read()
    codes = write_catalog(random.Random(args.seed + 1), content, args.procedures, args.fields, form_source)
    write_announcements(random.Random(args.seed + 2), content, args.announcements)
    shutil.copytree(args.theme, os.path.join(site, "Theme"))

    metas = guide_meta(rng, args.guides)
    total_body = 0
    with open(os.path.join(out, "floor.md"), "w", encoding="utf-8") as floor:
        for meta in metas:
            body = guide_body(rng, meta, metas)
            total_body += len(body.encode())
            related = rng.sample(codes, 2)
            mo_ta = f"Các bước {meta['topic']} tại xã {meta['xa']}: giấy tờ, thời hạn, lệ phí và cách nhận kết quả."
            ours = ("---\n"
                    f"tieu_de: {yq(meta['title'])}\n"
                    f"mo_ta: {yq(mo_ta)}\n"
                    f"thu_tu: {meta['order']}\n"
                    f"nhom: {meta['nhom']}\n"
                    f"lien_quan: [\"{related[0]}\", \"{related[1]}\"]\n"
                    "---\n\n" + body)
            theirs = f"---\ntitle: {yq(meta['title'])}\n---\n\n" + body
            with open(os.path.join(guides_dir, meta["slug"] + ".md"), "w", encoding="utf-8") as f:
                f.write(ours)
            with open(os.path.join(hugo, "content", meta["slug"] + ".md"), "w", encoding="utf-8") as f:
                f.write(theirs)
            floor.write(ours)
            floor.write("\n")
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write(HUGO_CONFIG)
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
        f.write(HUGO_SINGLE)
    with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
        f.write(HUGO_LIST)
    avg = total_body / max(1, len(metas))
    print(f"generated {args.guides} guides (body {avg:.0f} B avg), {args.procedures} procedures in {args.fields} fields, "
          f"{args.announcements} announcements → {out}")


if __name__ == "__main__":
    main()
