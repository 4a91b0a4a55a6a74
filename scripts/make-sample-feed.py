#!/usr/bin/python3
"""Builds the sample feeds of assets/feeds/ from the hand-written stories in
assets/feeds/source/.

    make-sample-feed.py            write assets/feeds/page-*.json and jsonfeed/*
    make-sample-feed.py --check    validate the written files (and that they are
                                   exactly what this script would write now)
    make-sample-feed.py --big DIR  write 1,000- and 10,000-item benchmark feeds

Python 3 standard library only. Output is deterministic: the same sources give
byte-identical files.
"""
import argparse
import html
import json
import os
import re
import struct
import sys
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FEEDS = os.path.join(ROOT, "assets", "feeds")
IMAGES = os.path.join(ROOT, "assets", "images")
SOURCE = os.path.join(FEEDS, "source")

FEED_TITLE = "Riverton Sample News"
HOME = "https://example.com/riverton/"
CREDIT = "Illustration: Newsreader sample art"
PAGE_SIZES = (14, 14)  # the last page takes the rest
JSONFEED_11 = "https://jsonfeed.org/version/1.1"
JSONFEED_10 = "https://jsonfeed.org/version/1"


# ---------------------------------------------------------------- image sizes

def image_size(path):
    """(width, height) of a PNG or baseline/progressive JPEG, read from its header."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return struct.unpack(">II", data[16:24])
    if data[:2] != b"\xff\xd8":
        raise ValueError(f"{path}: neither PNG nor JPEG")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ValueError(f"{path}: corrupt JPEG marker at {pos}")
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):  # start of frame: height, width
            height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
            return width, height
        pos += 2 + length
    raise ValueError(f"{path}: no JPEG frame header")


def image_ref(name, images_rel):
    """An image object for a file of assets/images, with its real size."""
    width, height = image_size(os.path.join(IMAGES, name))
    return {"url": f"{images_rel}/{name}", "width": width, "height": height}


# -------------------------------------------------------------- inline markup

INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\((https?://[^)\s]+)\)")


def parse_runs(text, bold=False, italic=False, href=""):
    """**bold**, *italic* and [text](https://url) into runs; styles nest."""
    runs, pos = [], 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            runs.append(make_run(text[pos:m.start()], bold, italic, href))
        if m.group(1) is not None:
            runs += parse_runs(m.group(1), True, italic, href)
        elif m.group(2) is not None:
            runs += parse_runs(m.group(2), bold, True, href)
        else:
            runs += parse_runs(m.group(3), bold, italic, m.group(4))
        pos = m.end()
    if pos < len(text):
        runs.append(make_run(text[pos:], bold, italic, href))
    return runs


def make_run(text, bold, italic, href):
    run = {"text": text}
    if bold:
        run["bold"] = True
    if italic:
        run["italic"] = True
    if href:
        run["href"] = href
    return run


def text_or_runs(text):
    """Plain text stays a "text" key; styled text becomes "runs"."""
    runs = parse_runs(text)
    if len(runs) == 1 and set(runs[0]) == {"text"}:
        return {"text": runs[0]["text"]}
    return {"runs": runs}


def plain(text):
    return "".join(r["text"] for r in parse_runs(text))


# ------------------------------------------------------------ story sources

def read_stories():
    """Parses every source/stories-*.txt into story dicts, in file order."""
    stories = []
    for name in sorted(os.listdir(SOURCE)):
        if name.startswith("stories-") and name.endswith(".txt"):
            with open(os.path.join(SOURCE, name), encoding="utf-8") as f:
                stories += parse_story_file(f.read(), name)
    return stories


def parse_story_file(text, filename):
    stories = []
    for chunk in re.split(r"^=== ", text, flags=re.M)[1:]:
        head, _, body = chunk.partition("\n---\n")
        lines = head.strip("\n").split("\n")
        story = {"id": lines[0].strip(), "body_text": body, "file": filename}
        for line in lines[1:]:
            key, _, value = line.partition(":")
            story[key.strip()] = value.strip()
        stories.append(story)
    return stories


def split_fields(value):
    return [part.strip() for part in value.split("|")]


def parse_body(text):
    """Blank-line separated blocks. The [related] marker is kept as a placeholder."""
    blocks = []
    for raw in re.split(r"\n\s*\n", text.strip()):
        lines = [line.rstrip() for line in raw.strip().split("\n")]
        first = lines[0]
        if first == "***":
            blocks.append({"type": "divider"})
        elif first == "[related]":
            blocks.append({"type": "related"})
        elif first.startswith("[fig "):
            name, alt, caption = split_fields(first[5:-1])
            blocks.append({"type": "image", "fig": name, "alt": alt, "caption": caption})
        elif first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            blocks.append({"type": "heading", "level": level, **text_or_runs(first[level:].strip())})
        elif first.startswith("> "):
            blocks.append(parse_quote(lines))
        elif all(line.startswith("- ") for line in lines):
            blocks.append(parse_list(lines, False))
        elif all(re.match(r"\d+\. ", line) for line in lines):
            blocks.append(parse_list(lines, True))
        else:
            blocks.append({"type": "paragraph", **text_or_runs(" ".join(lines))})
    return blocks


def parse_quote(lines):
    quote_lines = [line[2:] for line in lines if line.startswith("> ")]
    attribution = [line[2:].strip() for line in lines if line.startswith("~ ")]
    block = {"type": "quote", **text_or_runs(" ".join(quote_lines))}
    if attribution:
        block["attribution"] = attribution[0]
    return block


def parse_list(lines, ordered):
    items = []
    for line in lines:
        content = line.split(" ", 1)[1]
        value = text_or_runs(content)
        items.append(value["text"] if "text" in value else value)
    return {"type": "list", "ordered": ordered, "items": items}


# ------------------------------------------------------------ feed building

def load_authors(images_rel):
    with open(os.path.join(SOURCE, "authors.json"), encoding="utf-8") as f:
        authors = json.load(f)
    out = {}
    for key, author in authors.items():
        out[key] = {
            "name": author["name"],
            "role": author["role"],
            "bio": author["bio"],
            "avatar": f"{images_rel}/{author['avatar']}",
            "url": author["url"],
        }
    return out


def build_items(stories, images_rel):
    """Newsreader items, newest first."""
    authors = load_authors(images_rel)
    by_id = {s["id"]: s for s in stories}
    items = [build_item(s, authors, by_id, images_rel) for s in stories]
    items.sort(key=lambda item: (utc(item["date_published"]), item["id"]), reverse=True)
    return items


def hero_of(story, images_rel):
    if "hero" not in story:
        return None
    number, alt, caption = split_fields(story["hero"])
    image = image_ref(f"hero-{number}.jpg", images_rel)
    return {"url": image["url"], "alt": alt, "caption": caption, "credit": CREDIT,
            "width": image["width"], "height": image["height"]}


def build_item(story, authors, by_id, images_rel):
    item = {"id": story["id"], "kind": story.get("kind", "article"), "title": story["title"]}
    if story.get("summary"):
        item["summary"] = story["summary"]
    item["url"] = HOME + story["id"]
    item["date_published"] = story["published"]
    if story.get("modified"):
        item["date_modified"] = story["modified"]
    item["authors"] = [authors[key.strip()] for key in story["authors"].split(",")]
    hero = hero_of(story, images_rel)
    if hero:
        item["image"] = hero
    item["tags"] = [tag.strip() for tag in story.get("tags", "").split(",") if tag.strip()]
    item["language"] = story["lang"]
    item["body"] = finish_body(parse_body(story["body_text"]), story, by_id, images_rel)
    return item


def finish_body(blocks, story, by_id, images_rel):
    """Resolves figures and the related card (placed at [related], else last)."""
    related = related_card(story, by_id, images_rel) if story.get("related") else None
    out = []
    for block in blocks:
        if block["type"] == "image":
            image = image_ref(f"fig-{block['fig']}.jpg", images_rel)
            out.append({"type": "image", "url": image["url"], "alt": block["alt"],
                        "caption": block["caption"], "credit": CREDIT,
                        "width": image["width"], "height": image["height"]})
        elif block["type"] == "related":
            if related:
                out.append(related)
                related = None
        else:
            out.append(block)
    if related:
        out.append(related)
    return out


def related_card(story, by_id, images_rel):
    value = story["related"]
    if value.startswith("https://"):
        url, title, excerpt = split_fields(value)
        return {"type": "related", "title": title, "excerpt": excerpt, "url": url}
    if value not in by_id:
        raise SystemExit(f"{story['file']}: {story['id']}: related item {value} does not exist")
    target = by_id[value]
    card = {"type": "related", "title": target["title"],
            "excerpt": target.get("summary", ""), "url": HOME + value, "item_id": value}
    hero = hero_of(target, images_rel)
    if hero:
        card["image"] = {"url": hero["url"], "alt": hero["alt"],
                         "width": hero["width"], "height": hero["height"]}
    return card


def utc(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(timezone.utc)


def paginate(items):
    pages, start = [], 0
    for size in PAGE_SIZES:
        pages.append(items[start:start + size])
        start += size
    pages.append(items[start:])
    return pages


def newsreader_page(items, number, count):
    page = {"newsreader": 1, "title": FEED_TITLE, "home_page_url": HOME}
    if number < count:
        page["next_url"] = f"page-{number + 1}.json"
    page["items"] = items
    return page


# ------------------------------------------------------------- JSON Feed

def runs_html(block):
    if "text" in block:
        return html.escape(block["text"], quote=False)
    return "".join(run_html(run) for run in block["runs"])


def run_html(run):
    out = html.escape(run["text"], quote=False)
    if run.get("italic"):
        out = f"<em>{out}</em>"
    if run.get("bold"):
        out = f"<strong>{out}</strong>"
    if run.get("href"):
        out = f'<a href="{html.escape(run["href"])}">{out}</a>'
    return out


def block_html(block):
    kind = block["type"]
    if kind == "paragraph":
        return f"<p>{runs_html(block)}</p>"
    if kind == "heading":
        return f"<h{block['level']}>{runs_html(block)}</h{block['level']}>"
    if kind == "quote":
        cite = ""
        if block.get("attribution"):
            cite = f"<footer>— <cite>{html.escape(block['attribution'], quote=False)}</cite></footer>"
        return f"<blockquote><p>{runs_html(block)}</p>{cite}</blockquote>"
    if kind == "image":
        return (f'<figure><img src="{html.escape(block["url"])}" alt="{html.escape(block["alt"])}"'
                f' width="{block["width"]}" height="{block["height"]}">'
                f"<figcaption>{html.escape(block['caption'], quote=False)}"
                f" <small>{html.escape(block['credit'], quote=False)}</small></figcaption></figure>")
    if kind == "related":
        excerpt = f"<p>{html.escape(block['excerpt'], quote=False)}</p>" if block.get("excerpt") else ""
        return (f'<aside><p>Related: <a href="{html.escape(block["url"])}">'
                f"{html.escape(block['title'], quote=False)}</a></p>{excerpt}</aside>")
    if kind == "list":
        tag = "ol" if block["ordered"] else "ul"
        lis = "".join(f"<li>{runs_html({'text': i} if isinstance(i, str) else i)}</li>"
                      for i in block["items"])
        return f"<{tag}>{lis}</{tag}>"
    if kind == "divider":
        return "<hr>"
    raise ValueError(f"unknown block {kind}")


def runs_text(block):
    return block["text"] if "text" in block else "".join(r["text"] for r in block["runs"])


def block_text(block):
    """Plain-text rendering for content_text; figures and dividers drop out."""
    kind = block["type"]
    if kind in ("paragraph", "heading"):
        return runs_text(block)
    if kind == "quote":
        cite = f" — {block['attribution']}" if block.get("attribution") else ""
        return f"“{runs_text(block)}”{cite}"
    if kind == "list":
        return "\n".join(
            (f"{n}. " if block["ordered"] else "- ") + (i if isinstance(i, str) else runs_text(i))
            for n, i in enumerate(block["items"], 1))
    if kind == "related":
        return f"Related: {block['title']} ({block['url']})"
    return ""


def jsonfeed_author(author):
    return {"name": author["name"], "url": author["url"], "avatar": author["avatar"]}


def jsonfeed_item(item, version):
    out = {"id": item["id"], "url": item["url"]}
    if item["kind"] != "brief":  # JSON Feed's way to say "brief" is an untitled item
        out["title"] = item["title"]
    out["content_html"] = "".join(block_html(b) for b in item["body"])
    out["content_text"] = "\n\n".join(t for t in map(block_text, item["body"]) if t)
    if item.get("summary"):
        out["summary"] = item["summary"]
    if item.get("image"):
        out["image"] = item["image"]["url"]
    out["date_published"] = item["date_published"]
    if item.get("date_modified"):
        out["date_modified"] = item["date_modified"]
    if version == JSONFEED_11:
        out["authors"] = [jsonfeed_author(a) for a in item["authors"]]
        out["language"] = item["language"]
    else:
        out["author"] = jsonfeed_author(item["authors"][0])
    out["tags"] = item["tags"]
    return out


def jsonfeed_page(items, number, count, version):
    page = {"version": version, "title": FEED_TITLE, "home_page_url": HOME,
            "description": "Fictional sample news written for the Newsreader project."}
    if number < count:
        page["next_url"] = f"page-{number + 1}.json"
    page["items"] = [jsonfeed_item(item, version) for item in items]
    return page


# ----------------------------------------------------------------- outputs

def dump(value):
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def dump_compact(value):
    """Benchmark feeds are minified like real ones, and stay under the 32 MiB limit."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def sample_outputs():
    """{relative path under assets/feeds: text} for every committed feed file."""
    stories = read_stories()
    outputs = {}
    pages = paginate(build_items(stories, "../images"))
    for n, items in enumerate(pages, 1):
        outputs[f"page-{n}.json"] = dump(newsreader_page(items, n, len(pages)))
    pages = paginate(build_items(stories, "../../images"))
    for n, items in enumerate(pages, 1):
        outputs[f"jsonfeed/page-{n}.json"] = dump(jsonfeed_page(items, n, len(pages), JSONFEED_11))
    outputs["jsonfeed/v1-page-1.json"] = dump(jsonfeed_page(pages[0], 1, len(pages), JSONFEED_10))
    return outputs


def write_outputs(outputs, base):
    for rel, text in outputs.items():
        path = os.path.join(base, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print(f"wrote {os.path.relpath(path, ROOT)}")


def big_items(base_items, count):
    """count items cycled from the sample, with fresh ids, one every 7 minutes."""
    newest = utc(base_items[0]["date_published"])
    out = []
    for i in range(count):
        src = base_items[i % len(base_items)]
        cycle = i // len(base_items)
        item = json.loads(json.dumps(src))
        item["id"] = f"b{cycle:04d}-{src['id']}"
        item["url"] = HOME + item["id"]
        when = newest - timedelta(minutes=7 * i)
        item["date_published"] = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        item.pop("date_modified", None)
        for block in item["body"]:
            if block["type"] == "related" and "item_id" in block:
                block["item_id"] = f"b{cycle:04d}-{block['item_id']}"
        out.append(item)
    known = {item["id"] for item in out}
    for item in out:  # the last cycle is partial: drop links into its missing part
        for block in item["body"]:
            if block.get("item_id") and block["item_id"] not in known:
                del block["item_id"]
    return out


def write_big(outdir):
    outdir = os.path.abspath(outdir)
    os.makedirs(outdir, exist_ok=True)
    images_rel = os.path.relpath(IMAGES, outdir).replace(os.sep, "/")
    base = build_items(read_stories(), images_rel)
    outputs = {}
    for count in (1000, 10000):
        items = big_items(base, count)
        outputs[f"big-{count}.json"] = dump_compact(newsreader_page(items, 1, 1))
        outputs[f"big-{count}-jsonfeed.json"] = dump_compact(jsonfeed_page(items, 1, 1, JSONFEED_11))
    write_outputs(outputs, outdir)


# ------------------------------------------------------------------- check

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


class Checker:
    def __init__(self):
        self.errors = []

    def fail(self, where, message):
        self.errors.append(f"{where}: {message}")

    def need(self, cond, where, message):
        if not cond:
            self.fail(where, message)
        return cond

    def image_path(self, feed_path, url, where, size=None):
        path = os.path.normpath(os.path.join(os.path.dirname(feed_path), url))
        if not self.need(os.path.isfile(path), where, f"image {url} does not exist"):
            return
        if size and size != (None, None):
            self.need(image_size(path) == size, where,
                      f"{url}: width/height {size} but file is {image_size(path)}")

    def string(self, obj, key, where, required=True):
        value = obj.get(key)
        if value is None:
            self.need(not required, where, f"missing {key}")
            return ""
        self.need(isinstance(value, str) and value.strip(), where, f"{key} must be a non-empty string")
        return value if isinstance(value, str) else ""

    def date(self, obj, key, where, required=True):
        value = self.string(obj, key, where, required)
        if value and self.need(RFC3339.match(value), where, f"{key} {value!r} is not RFC 3339"):
            return utc(value)
        return None


def check_newsreader(c, path, feed, all_ids):
    """Structural checks of one Newsreader page; returns its items' ids."""
    name = os.path.relpath(path, ROOT)
    c.need(feed.get("newsreader") == 1, name, "newsreader must be 1")
    c.string(feed, "title", name)
    ids, previous = [], None
    for i, item in enumerate(feed.get("items", [])):
        where = f"{name} items[{i}]"
        ids.append(c.string(item, "id", where))
        c.string(item, "title", where)
        c.string(item, "url", where)
        c.need(item.get("kind", "article") in ("article", "brief"), where, "bad kind")
        c.need(item.get("language") in ("en", "uk", "ru"), where, "language must be en, uk or ru")
        published = c.date(item, "date_published", where)
        modified = c.date(item, "date_modified", where, required=False)
        if published and modified:
            c.need(modified >= published, where, "modified before published")
        if published and previous:
            c.need(published <= previous, where, "items are not newest first")
        previous = published or previous
        c.need(item.get("authors"), where, "no authors")
        for j, author in enumerate(item.get("authors", [])):
            for key in ("name", "role", "bio", "avatar", "url"):
                c.string(author, key, f"{where}.authors[{j}]")
            c.image_path(path, author.get("avatar", ""), f"{where}.authors[{j}]")
        if item.get("image"):
            image = item["image"]
            for key in ("url", "alt", "caption", "credit"):
                c.string(image, key, f"{where}.image")
            c.image_path(path, image["url"], f"{where}.image", (image.get("width"), image.get("height")))
        check_body(c, path, item, where, all_ids)
    return ids


def check_body(c, path, item, where, all_ids):
    body = item.get("body", [])
    if item.get("kind") == "brief":
        c.need(len(body) == 1 and body[0]["type"] in ("paragraph", "quote"), where,
               "a brief is one paragraph or one quote")
        # The parser calls an untitled JSON Feed item a brief only up to 60 words.
        words = sum(len(runs_text(b).split()) for b in body if b["type"] in ("paragraph", "quote"))
        c.need(words <= 60, where, f"brief of {words} words; keep briefs to 60")
        return
    c.need(5 <= sum(b["type"] == "paragraph" for b in body) <= 15, where, "articles have 5-15 paragraphs")
    c.need(item.get("image"), where, "articles have a hero image")
    for k, block in enumerate(body):
        bwhere = f"{where}.body[{k}]"
        if block["type"] in ("paragraph", "heading", "quote"):
            c.need(("text" in block) != ("runs" in block), bwhere, "text or runs, not both")
        if block["type"] == "image":
            c.image_path(path, block["url"], bwhere, (block.get("width"), block.get("height")))
        if block["type"] == "related":
            c.string(block, "title", bwhere)
            c.need(block.get("url", "").startswith("https://"), bwhere, "related url must be https")
            if "item_id" in block:
                c.need(block["item_id"] in all_ids, bwhere, f"item_id {block['item_id']} not in the feed")
                c.need(block["item_id"] != item.get("id"), bwhere, "related card points at itself")
            if "image" in block:
                c.image_path(path, block["image"]["url"], bwhere)


def check_jsonfeed(c, path, feed):
    name = os.path.relpath(path, ROOT)
    version = feed.get("version")
    c.need(version in (JSONFEED_10, JSONFEED_11), name, "bad version")
    for i, item in enumerate(feed.get("items", [])):
        where = f"{name} items[{i}]"
        c.string(item, "id", where)
        c.string(item, "content_html", where)
        c.date(item, "date_published", where)
        if version == JSONFEED_11:
            c.need(item.get("authors") and "author" not in item, where, "1.1 uses authors")
        else:
            c.need(item.get("author") and "authors" not in item, where, "1.0 uses author")
        if item.get("image"):
            c.image_path(path, item["image"], where)
        for m in re.finditer(r'<img src="([^"]+)"', item.get("content_html", "")):
            c.image_path(path, html.unescape(m.group(1)), where)


def check(outputs):
    c = Checker()
    feeds = {}
    for rel, text in outputs.items():
        path = os.path.join(FEEDS, rel)
        if not c.need(os.path.isfile(path), rel, "missing: run make-sample-feed.py"):
            continue
        with open(path, encoding="utf-8") as f:
            on_disk = f.read()
        c.need(on_disk == text, rel, "differs from what make-sample-feed.py writes now")
        try:
            feeds[rel] = json.loads(on_disk)
        except json.JSONDecodeError as e:
            c.fail(rel, f"invalid JSON: {e}")
    pages = []
    rel = "page-1.json"
    while rel in feeds and rel not in pages:
        pages.append(rel)
        rel = feeds[rel].get("next_url", "")
    c.need(len(pages) >= 3 and not rel, "page-1.json", f"next_url chain {pages} does not end cleanly")
    all_ids = [item.get("id") for p in pages for item in feeds[p].get("items", [])]
    c.need(len(all_ids) == len(set(all_ids)), "pages", "duplicate item ids")
    c.need(len(all_ids) >= 42, "pages", f"only {len(all_ids)} items")
    ids = set(all_ids)
    for p in pages:
        check_newsreader(c, os.path.join(FEEDS, p), feeds[p], ids)
    for rel, feed in feeds.items():
        if rel.startswith("jsonfeed/"):
            check_jsonfeed(c, os.path.join(FEEDS, rel), feed)
    items = [item for p in pages for item in feeds[p]["items"]]
    report_mix(c, items)
    check_glyphs(c, items)
    return c.errors


def font_ranges():
    """The glyph ranges the UI's subset fonts carry, read from scripts/make-fonts.sh."""
    path = os.path.join(ROOT, "scripts", "make-fonts.sh")
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        m = re.search(r'^UNICODES="([^"]+)"', f.read(), flags=re.M)
    if not m:
        return None
    ranges = []
    for part in m.group(1).split(","):
        lo, _, hi = part.strip()[2:].partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return ranges


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


def check_glyphs(c, items):
    """Every character must be drawable with the UI's subset fonts."""
    ranges = font_ranges()
    if ranges is None:
        return
    for item in items:
        missing = sorted({ch for text in strings_in(item) for ch in text
                          if ch not in "\n" and not any(lo <= ord(ch) <= hi for lo, hi in ranges)})
        c.need(not missing, item["id"], "characters outside the font subset: " +
               " ".join(f"U+{ord(ch):04X}" for ch in missing))


def report_mix(c, items):
    langs = {}
    for item in items:
        key = (item["language"], item.get("kind", "article"))
        langs[key] = langs.get(key, 0) + 1
    authors = {a["name"] for item in items for a in item["authors"]}
    print(f"{len(items)} items; by (language, kind): {dict(sorted(langs.items()))}; "
          f"{len(authors)} authors")
    uk = sum(n for (lang, _), n in langs.items() if lang == "uk")
    c.need(uk >= 10, "pages", f"only {uk} Ukrainian items")
    c.need(len(authors) >= 4, "pages", "fewer than 4 authors")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="validate the written feeds")
    parser.add_argument("--big", metavar="OUTDIR", help="write benchmark feeds into OUTDIR")
    args = parser.parse_args()
    if args.big:
        write_big(args.big)
        return 0
    outputs = sample_outputs()
    if args.check:
        errors = check(outputs)
        for error in errors:
            print(f"error: {error}", file=sys.stderr)
        print("check: " + ("FAILED" if errors else "ok"))
        return 1 if errors else 0
    write_outputs(outputs, FEEDS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
