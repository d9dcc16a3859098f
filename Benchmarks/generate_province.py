#!/usr/bin/env python3
"""Writes a large, deterministic MotCua province for the benchmark (issue #29), from generate_site.py's parts.

    python3 Benchmarks/generate_province.py OUT_DIR [--communes 100] [--procedures 300] [--fields 20]
                                             [--announcements 20] [--guides 20] [--seed 29] [--theme Theme]

OUT_DIR receives two things made from the SAME files:

    OUT_DIR/province/   a province root: Content/tinh.yml, the shared catalog (thu-tuc/, written by
                        generate_site.write_catalog), shared guides, forms and viet-tat.yml, and per commune
                        Content/xa/<slug>/ with site.yml, N announcements (generate_site.write_announcements),
                        the sample's trang/, and its local changes: every commune changes the level of two or
                        three procedures (toan-trinh ↔ mot-phan, with the result channels that level needs);
                        every third leaves one out (`khong_ap_dung`), every seventh adds a procedure of its
                        own, every tenth has its own guide in place of a shared one, every twenty-fifth its own
                        style.css (Theme/assets/).
    OUT_DIR/singles/<slug>/
                        the same communes as single sites, for the "one after another" comparison: the whole
                        shared catalog, guides, forms and abbreviations (hard links to the province's files),
                        the commune's announcements, pages, own guide and style.css, and a site.yml made of
                        tinh.yml's keys with the commune's own over them (`tinh` = the province's `ten`,
                        `base_url` = the province's + slug + "/", as a commune of the province is published).
                        Its catalog changes are NOT applied: each single site has the whole catalog (about one
                        procedure more or less than its commune), so both sides render the same amount.

Every commune builds with no warning and no error.
"""
import argparse
import os
import random
import shutil
import sys

import generate_site as gs

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

PROVINCE_NAME = "Tỉnh Hải Dương"
# tinh.yml: generate_site's site.yml without `ten`/`tinh` (a province's `ten` is its name; `tinh` is not a key there).
SHARED_KEYS = [line for line in gs.SITE_YML.splitlines()
               if line and not line.startswith(("#", "ten:", "tinh:"))]
SYLLABLES = ["An", "Bình", "Cẩm", "Đông", "Gia", "Hà", "Hưng", "Kim", "Lạc", "Long", "Minh", "Nam", "Ngọc", "Phú",
             "Quang", "Tân", "Thanh", "Thái", "Vĩnh", "Yên"]


def commune_names(count):
    names, seen = [], set()
    for i in range(count):
        a, b = SYLLABLES[i % len(SYLLABLES)], SYLLABLES[(i // len(SYLLABLES) + i + 1) % len(SYLLABLES)]
        name = f"{a} {b}"
        slug = gs.fold(name)
        k = 2
        while slug in seen:
            name, slug = f"{a} {b} {k}", gs.fold(f"{a} {b} {k}")
            k += 1
        seen.add(slug)
        names.append((slug, name))
    return names


def catalog_levels(catalog_dir):
    """code → level of every procedure write_catalog wrote (read back from its files)."""
    levels, code = {}, None
    for name in sorted(os.listdir(catalog_dir)):
        for line in open(os.path.join(catalog_dir, name), encoding="utf-8"):
            if line.startswith("  - ma: "):
                code = line.split('"')[1]
            elif line.startswith("    muc_do: "):
                levels[code] = line.split(":", 1)[1].strip()
    return levels


def write_guides(rng, folder, metas, codes):
    os.makedirs(folder, exist_ok=True)
    for meta in metas:
        body = gs.guide_body(rng, meta, metas)
        related = rng.sample(codes, 2)
        with open(os.path.join(folder, meta["slug"] + ".md"), "w", encoding="utf-8") as f:
            f.write("---\n"
                    f"tieu_de: {gs.yq(meta['title'])}\n"
                    f"thu_tu: {meta['order']}\n"
                    f"nhom: {meta['nhom']}\n"
                    f"lien_quan: [\"{related[0]}\", \"{related[1]}\"]\n"
                    "---\n\n" + body)


def own_keys(i, name):
    return [f"ten: Ủy ban nhân dân xã {name}",
            f"dia_chi: Trụ sở UBND xã {name}, {PROVINCE_NAME[0].lower() + PROVINCE_NAME[1:]}",
            f'dien_thoai: "0220 3 {100 + i:03d} {200 + i:03d}"']


def changes(rng, i, levels, fields):
    """A commune's thu-tuc/thay-doi.yml: level changes, maybe one left out, maybe one procedure of its own."""
    codes = sorted(levels)
    picked = rng.sample(codes, 4)
    lines = []
    if i % 7 == 0:
        lines.append(f"linh_vuc: {fields[i % len(fields)]}")
    lines.append("thu_tuc:")
    for code in picked[:2 + i % 2]:
        if levels[code] == "toan-trinh":
            lines += [f'  - ma: "{code}"', "    muc_do: mot-phan", "    nhan_ket_qua: [truc-tiep]"]
        elif levels[code] == "mot-phan":
            lines += [f'  - ma: "{code}"', "    muc_do: toan-trinh", "    nhan_ket_qua: [truc-tiep, truc-tuyen, buu-chinh]"]
        else:
            lines += [f'  - ma: "{code}"', "    tu_khoa: [một cửa, bộ phận một cửa]"]
    if i % 3 == 0:
        lines += [f'  - ma: "{picked[3]}"', "    khong_ap_dung: true"]
    if i % 7 == 0:
        lines += [f'  - ma: "9.9{i:05d}"', f"    ten: {gs.yq('Xác nhận riêng của xã số ' + str(i + 1))}",
                  "    muc_do: thong-tin", "    co_quan: Ủy ban nhân dân xã"]
    return "\n".join(lines) + "\n"


def link_tree(src, dst):
    """dst gets src's files as hard links (a copy where linking fails)."""
    shutil.copytree(src, dst, copy_function=_link, dirs_exist_ok=True)


def _link(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--communes", type=int, default=100)
    ap.add_argument("--procedures", type=int, default=300)
    ap.add_argument("--fields", type=int, default=20)
    ap.add_argument("--announcements", type=int, default=20)
    ap.add_argument("--guides", type=int, default=20)
    ap.add_argument("--seed", type=int, default=29)
    ap.add_argument("--theme", default=os.path.join(REPO, "Theme"))
    args = ap.parse_args()
    if not 1 <= args.fields <= len(gs.FIELDS):
        sys.exit(f"--fields must be 1…{len(gs.FIELDS)}")

    out = os.path.abspath(args.out)
    province, singles = os.path.join(out, "province"), os.path.join(out, "singles")
    for d in (province, singles):
        if os.path.exists(d):
            shutil.rmtree(d)
    content = os.path.join(province, "Content")
    os.makedirs(content)
    sample = os.path.join(REPO, "Content")

    with open(os.path.join(content, "tinh.yml"), "w", encoding="utf-8") as f:
        f.write("# Tỉnh thử tải (benchmark) — do Benchmarks/generate_province.py tạo ra\n"
                f"ten: {PROVINCE_NAME}\n" + "\n".join(SHARED_KEYS) + "\n")
    shutil.copy(os.path.join(sample, "viet-tat.yml"), content)
    with open(os.path.join(sample, "bieu-mau", sorted(os.listdir(os.path.join(sample, "bieu-mau")))[0]), "rb") as f:
        form_source = f.read()
    codes = gs.write_catalog(random.Random(args.seed + 1), content, args.procedures, args.fields, form_source)
    levels = catalog_levels(os.path.join(content, "thu-tuc"))
    rng = random.Random(args.seed)
    metas = gs.guide_meta(rng, args.guides)
    write_guides(rng, os.path.join(content, "huong-dan"), metas, codes)
    shutil.copytree(args.theme, os.path.join(province, "Theme"))
    fields = gs.FIELDS[:args.fields]

    # A single site's site.yml: tinh.yml's keys, `tinh` for the province's name (a commune's `tinh` is tinh.yml's `ten`).
    shared_site = [f"tinh: {PROVINCE_NAME}"] + SHARED_KEYS
    for i, (slug, name) in enumerate(commune_names(args.communes)):
        crng = random.Random(args.seed * 1000 + i)
        xa = os.path.join(content, "xa", slug)
        os.makedirs(os.path.join(xa, "thu-tuc"))
        own = own_keys(i, name)
        with open(os.path.join(xa, "site.yml"), "w", encoding="utf-8") as f:
            f.write("\n".join(own) + "\n")
        gs.write_announcements(crng, xa, args.announcements)
        shutil.copytree(os.path.join(sample, "trang"), os.path.join(xa, "trang"))
        with open(os.path.join(xa, "thu-tuc", "thay-doi.yml"), "w", encoding="utf-8") as f:
            f.write(changes(crng, i, levels, fields))
        if i % 10 == 0:  # its own text for a shared guide's file name
            write_guides(crng, os.path.join(xa, "huong-dan"), [metas[i % len(metas)]], codes)
        if i % 25 == 0:
            css = os.path.join(xa, "Theme", "assets")
            os.makedirs(css)
            with open(os.path.join(args.theme, "assets", "style.css"), encoding="utf-8") as f:
                style = f.read()
            with open(os.path.join(css, "style.css"), "w", encoding="utf-8") as f:
                f.write(style + f"\n/* xã {name} */\nheader {{ border-top: 4px solid #0a5; }}\n")

        # The same commune as a single site.
        single = os.path.join(singles, slug)
        sc = os.path.join(single, "Content")
        os.makedirs(sc)
        base = [line for line in shared_site if not line.startswith("base_url:")]
        base_url = next(line for line in shared_site if line.startswith("base_url:")).split(": ", 1)[1]
        # Keys written twice would be an error: the commune's own win, as inheritance from tinh.yml does.
        own_names = {line.split(":", 1)[0] for line in own}
        base = [line for line in base if line.split(":", 1)[0] not in own_names]
        with open(os.path.join(sc, "site.yml"), "w", encoding="utf-8") as f:
            f.write("\n".join(own + base + [f"base_url: {base_url}{slug}/"]) + "\n")
        for part in ("thu-tuc", "huong-dan", "bieu-mau"):
            link_tree(os.path.join(content, part), os.path.join(sc, part))
        _link(os.path.join(content, "viet-tat.yml"), os.path.join(sc, "viet-tat.yml"))
        for part in ("thong-bao", "trang", "huong-dan"):
            if os.path.isdir(os.path.join(xa, part)):
                link_tree(os.path.join(xa, part), os.path.join(sc, part))
        link_tree(os.path.join(province, "Theme"), os.path.join(single, "Theme"))
        if os.path.isdir(os.path.join(xa, "Theme")):
            os.remove(os.path.join(single, "Theme", "assets", "style.css"))
            link_tree(os.path.join(xa, "Theme"), os.path.join(single, "Theme"))
    print(f"generated a province of {args.communes} communes ({args.procedures} shared procedures in {args.fields} "
          f"fields, {args.guides} shared guides, {args.announcements} announcements each) and the same communes as "
          f"single sites → {out}")


if __name__ == "__main__":
    main()
