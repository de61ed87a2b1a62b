"""The one glossary: every word the generator writes, in de, ja and en.

Terms used on several pages live here once, so a section is called the same
in the nav, on the home page, on record pages and in notices.
"""

from __future__ import annotations

from kakehashi.site.languages import LANGUAGES

Terms = dict[str, dict[str, str]]

SECTION_TITLES: Terms = {
    "projects": {"de": "Partnerschaftsprojekte", "ja": "連携プロジェクト", "en": "Partnership projects"},
    "ecosystem": {
        "de": "Start-up-Ökosysteme",
        "ja": "スタートアップ・エコシステム",
        "en": "Start-up ecosystems",
    },
    "cycling": {"de": "Radwege", "ja": "サイクリング", "en": "Cycling"},
    "disaster-prevention": {"de": "Katastrophenschutz", "ja": "防災", "en": "Disaster prevention"},
}

SECTION_INTROS: Terms = {
    "projects": {
        "de": "Vereinbarungen, Kooperationen, Besuche und Veranstaltungen der Partnerschaft "
        "zwischen Bochum und Tsukuba, die neuesten zuerst.",
        "ja": "つくば市とボーフム市の連携に関する合意、協力、訪問、イベントを新しい順に掲載しています。",
        "en": "Agreements, cooperations, visits and events of the partnership between "
        "Bochum and Tsukuba, newest first.",
    },
    "ecosystem": {
        "de": "Anlaufstellen für Gründerinnen und Gründer in beiden Städten, nebeneinander: "
        "Gründungszentren, Förderung, Hochschulen und Standorte.",
        "ja": "両市のスタートアップ支援拠点を並べて紹介します。創業支援施設、支援制度、大学、"
        "拠点となるエリアを掲載しています。",
        "en": "Where founders find support in both cities, side by side: start-up centres, "
        "public programmes, universities and sites.",
    },
    "cycling": {
        "de": "Radwege und Radsportanlagen in und um Tsukuba und Bochum.",
        "ja": "つくば市とボーフム市およびその周辺のサイクリングロードと自転車関連施設です。",
        "en": "Cycle routes and cycling facilities in and around Tsukuba and Bochum.",
    },
    "disaster-prevention": {
        "de": "Einrichtungen und Flächen für den Katastrophenfall: Krisenzentren, "
        "Vorratsflächen, Evakuierungsorte und ein Katastrophenschutzpark.",
        "ja": "災害時のための施設と用地です。危機対応拠点、予備用地、避難場所、防災公園を掲載しています。",
        "en": "Facilities and sites for disasters: crisis centres, reserve areas, evacuation "
        "sites and a disaster prevention park.",
    },
}

KINDS: Terms = {
    # projects
    "agreement": {"de": "Vereinbarung", "ja": "合意", "en": "Agreement"},
    "memorandum": {"de": "Absichtserklärung (MoU)", "ja": "覚書（MoU）", "en": "Memorandum (MoU)"},
    "cooperation": {"de": "Kooperation", "ja": "協力", "en": "Cooperation"},
    "event": {"de": "Veranstaltung", "ja": "イベント", "en": "Event"},
    "visit": {"de": "Besuch", "ja": "訪問", "en": "Visit"},
    # ecosystem
    "startup-centre": {"de": "Gründungszentrum", "ja": "創業支援施設", "en": "Start-up centre"},
    "public-programme": {"de": "Öffentliche Förderung", "ja": "行政の支援", "en": "Public programme"},
    "university": {"de": "Hochschule", "ja": "大学", "en": "University"},
    "development-site": {"de": "Entwicklungsfläche", "ja": "開発エリア", "en": "Development site"},
    "knowledge-centre": {"de": "Wissenszentrum", "ja": "知の拠点", "en": "Knowledge centre"},
    "economic-development": {
        "de": "Wirtschaftsförderung",
        "ja": "経済振興機関",
        "en": "Economic development",
    },
    "health-campus": {"de": "Gesundheitscampus", "ja": "ヘルスキャンパス", "en": "Health campus"},
    "technology-centre": {
        "de": "Technologiezentrum",
        "ja": "テクノロジーセンター",
        "en": "Technology centre",
    },
    # cycling
    "route": {"de": "Radweg", "ja": "サイクリングロード", "en": "Cycle route"},
    "route-section": {"de": "Abschnitt", "ja": "区間", "en": "Route section"},
    "facility": {"de": "Radsportanlage", "ja": "自転車関連施設", "en": "Cycling facility"},
    # disaster prevention
    "disaster-park": {"de": "Katastrophenschutzpark", "ja": "防災公園", "en": "Disaster prevention park"},
    "crisis-centre": {"de": "Krisenzentrum", "ja": "危機対応拠点", "en": "Crisis centre"},
    "reserve-area": {"de": "Vorratsfläche", "ja": "予備用地", "en": "Reserve area"},
    "evacuation-sites": {"de": "Evakuierungsorte", "ja": "避難場所・避難所", "en": "Evacuation sites"},
}

STATUSES: Terms = {
    # "open" is a stage of a place's life, not opening hours: it is shown only as the opening date.
    "open": {"de": "eröffnet", "ja": "開設済み", "en": "opened"},
    "under-construction": {"de": "im Bau", "ja": "整備中", "en": "under construction"},
    "planned": {"de": "in Planung", "ja": "計画中", "en": "planned"},
}

LANGUAGE_NAMES: Terms = {
    # The name of each language, written in the reader's language.
    "de": {"de": "Deutsch", "ja": "ドイツ語", "en": "German"},
    "ja": {"de": "Japanisch", "ja": "日本語", "en": "Japanese"},
    "en": {"de": "Englisch", "ja": "英語", "en": "English"},
}

LABELS: Terms = {
    "city": {"de": "Stadt", "ja": "都市", "en": "City"},
    "date": {"de": "Datum", "ja": "日付", "en": "Date"},
    "kind": {"de": "Art", "ja": "種別", "en": "Type"},
    "status": {"de": "Status", "ja": "状況", "en": "Status"},
    "section": {"de": "Bereich", "ja": "分野", "en": "Section"},
    "opened": {"de": "Eröffnet", "ja": "開設", "en": "Opened"},
    "opening": {"de": "Eröffnung geplant", "ja": "開設予定", "en": "Planned opening"},
    "length": {"de": "Länge", "ja": "全長", "en": "Length"},
    "area": {"de": "Fläche", "ja": "面積", "en": "Area"},
    "address": {"de": "Adresse", "ja": "所在地", "en": "Address"},
    "district": {"de": "Stadtgebiet", "ja": "地区", "en": "District"},
    "start": {"de": "Start", "ja": "起点", "en": "Start"},
    "end": {"de": "Ziel", "ja": "終点", "en": "End"},
    "location": {"de": "Koordinaten", "ja": "座標", "en": "Coordinates"},
    "location_exact": {"de": "genau", "ja": "正確な位置", "en": "exact"},
    "location_approximate": {"de": "ungefähr", "ja": "おおよその位置", "en": "approximate"},
    "sources": {"de": "Quellen", "ja": "出典", "en": "Sources"},
    "website": {"de": "Offizielle Website", "ja": "公式サイト", "en": "Official website"},
    "last_checked": {"de": "Zuletzt geprüft", "ja": "最終確認日", "en": "Last checked"},
    "unverified": {"de": "Nicht bestätigt", "ja": "未確認の情報", "en": "Not verified"},
    "translation_notice_title": {
        "de": "Noch nicht übersetzt",
        "ja": "未翻訳の部分があります",
        "en": "Not yet translated",
    },
    "translation_notice": {
        "de": "Teile dieser Seite liegen noch nicht auf Deutsch vor und werden auf {languages} angezeigt.",
        "ja": "このページの一部はまだ日本語に翻訳されていないため、{languages}で表示しています。",
        "en": "Parts of this page have not been translated into English yet and are shown in {languages}.",
    },
    "language_joiner": {"de": " und ", "ja": "・", "en": " and "},
    "records": {"de": "{count} Einträge", "ja": "{count}件", "en": "{count} entries"},
    "operator_missing": {
        "de": "Die Angaben zum Betreiber werden noch ergänzt.",
        "ja": "運営者情報は現在準備中です。",
        "en": "The operator's details are still to be added.",
    },
    "search": {"de": "Suche", "ja": "検索", "en": "Search"},
    "not_found_title": {
        "de": "Seite nicht gefunden",
        "ja": "ページが見つかりません",
        "en": "Page not found",
    },
    "not_found_text": {
        "de": "Diese Seite gibt es nicht oder nicht mehr. Vielleicht hilft die Suche oben weiter.",
        "ja": "お探しのページは存在しないか、移動または削除された可能性があります。"
        "上の検索もご利用ください。",
        "en": "This page does not exist or no longer exists. The search above may help.",
    },
    "home": {"de": "Zur Startseite", "ja": "トップページへ", "en": "Go to the home page"},
    "back_to_section": {
        "de": "Alle Einträge im Bereich {section}",
        "ja": "{section}の一覧へ戻る",
        "en": "All entries in {section}",
    },
    "close": {"de": "Schließen", "ja": "閉じる", "en": "Close"},
    "related": {"de": "Siehe auch", "ja": "関連項目", "en": "See also"},
    # the theme's own controls (theme_words.py)
    "switch_to_dark": {
        "de": "Zum dunklen Farbschema wechseln",
        "ja": "ダークモードに切り替え",
        "en": "Switch to dark mode",
    },
    "switch_to_light": {
        "de": "Zum hellen Farbschema wechseln",
        "ja": "ライトモードに切り替え",
        "en": "Switch to light mode",
    },
    "permalink": {
        "de": "Link zu diesem Abschnitt",
        "ja": "この見出しへのリンク",
        "en": "Link to this section",
    },
    # long section indexes are split into pages
    "pages": {"de": "Seiten", "ja": "ページ", "en": "Pages"},
    "page_number": {"de": "Seite {number}", "ja": "{number}ページ目", "en": "Page {number}"},
    "page_of": {
        "de": "Seite {number} von {total}",
        "ja": "全{total}ページ中{number}ページ目",
        "en": "Page {number} of {total}",
    },
    "previous_page": {"de": "Vorherige Seite", "ja": "前のページ", "en": "Previous page"},
    "next_page": {"de": "Nächste Seite", "ja": "次のページ", "en": "Next page"},
    "operator_email": {"de": "E-Mail", "ja": "メール", "en": "E-mail"},
    "operator_phone": {"de": "Telefon", "ja": "電話", "en": "Phone"},
    # the translation status page
    "translation_status": {"de": "Übersetzungsstand", "ja": "翻訳状況", "en": "Translation status"},
    "translation_status_intro": {
        "de": "Welche Einträge und Seiten schon in allen drei Sprachen vorliegen. Wo eine Übersetzung "
        "fehlt, zeigt die Website den Text in einer anderen Sprache und weist darauf hin.",
        "ja": "各項目とページが3言語すべてでそろっているかをまとめています。翻訳がない部分は、"
        "別の言語で表示し、その旨をお知らせしています。",
        "en": "Which entries and pages are available in all three languages. Where a translation is "
        "missing, the site shows the text in another language and says so.",
    },
    "fallback_order": {
        "de": "Fehlt ein Text, erscheint er in der ersten Sprache dieser Reihenfolge, in der er vorliegt:",
        "ja": "翻訳がない場合は、次の順で最初に用意されている言語で表示します。",
        "en": "Where a text is missing, it is shown in the first language of this order that has it:",
    },
    "status_section": {"de": "Bereich", "ja": "分野", "en": "Section"},
    "status_entries": {"de": "Einträge", "ja": "件数", "en": "Entries"},
    "status_complete": {"de": "vollständig", "ja": "全件", "en": "complete"},
    "status_partial": {
        "de": "{complete} von {total}",
        "ja": "{total}件中{complete}件",
        "en": "{complete} of {total}",
    },
    "other_pages": {"de": "Weitere Seiten", "ja": "その他のページ", "en": "Other pages"},
    "all_translated": {
        "de": "Alle Einträge und Seiten liegen in allen drei Sprachen vor.",
        "ja": "すべての項目とページが3言語でそろっています。",
        "en": "Every entry and page is available in all three languages.",
    },
    "missing_in": {
        "de": "Fehlt auf {language}",
        "ja": "{language}訳がないもの",
        "en": "Missing in {language}",
    },
    "shown_in": {"de": "auf {language} angezeigt", "ja": "{language}で表示", "en": "shown in {language}"},
    # the interactive map and "nearest to me" (site/interactive_map.py, assets/javascripts/map.js)
    "map": {"de": "Karte", "ja": "地図", "en": "Map"},
    "map_show_from": {
        "de": "Karte anzeigen (lädt Kartenbilder von {host})",
        "ja": "地図を表示（{host} から地図画像を読み込みます）",
        "en": "Show map (loads map images from {host})",
    },
    "map_show_from_site": {
        "de": "Karte anzeigen (lädt nur von dieser Website)",
        "ja": "地図を表示（このサイトからのみ読み込みます）",
        "en": "Show map (loads from this site only)",
    },
    "map_zoom_in": {"de": "Vergrößern", "ja": "拡大", "en": "Zoom in"},
    "map_zoom_out": {"de": "Verkleinern", "ja": "縮小", "en": "Zoom out"},
    "map_failed": {
        "de": "Die Karte konnte nicht geladen werden.",
        "ja": "地図を読み込めませんでした。",
        "en": "The map could not be loaded.",
    },
    "geojson_download": {
        "de": "Alle Orte dieses Bereichs als GeoJSON-Datei",
        "ja": "この分野の全地点（GeoJSON形式）",
        "en": "All places of this section as a GeoJSON file",
    },
    "nearest_button": {
        "de": "Die drei nächstgelegenen Orte finden",
        "ja": "現在地から近い3か所を探す",
        "en": "Find the three places nearest to me",
    },
    "nearest_privacy": {
        "de": "Dafür fragt Ihr Browser nach Ihrem Standort. Die Entfernungen werden nur in Ihrem "
        "Browser berechnet; Ihr Standort wird nirgendwohin gesendet.",
        "ja": "ブラウザが現在地の利用の許可を求めます。距離の計算はお使いのブラウザ内だけで行い、"
        "現在地をどこにも送信しません。",
        "en": "Your browser asks for your position. The distances are computed in your browser "
        "only; your position is never sent anywhere.",
    },
    "nearest_results": {"de": "Nächstgelegene Orte", "ja": "近い場所", "en": "Nearest places"},
    "nearest_locating": {
        "de": "Ihr Standort wird ermittelt …",
        "ja": "現在地を取得しています…",
        "en": "Finding your position …",
    },
    "nearest_unavailable": {
        "de": "Ihr Standort ist nicht verfügbar. Bitte erlauben Sie Ihrem Browser den Zugriff darauf.",
        "ja": "現在地を取得できませんでした。ブラウザで位置情報の利用を許可してください。",
        "en": "Your position is not available. Please allow your browser to use it.",
    },
    "nearest_distance": {
        "de": "{distance} Luftlinie",
        "ja": "直線距離で{distance}",
        "en": "{distance} in a straight line",
    },
    "field_joiner": {"de": ", ", "ja": "、", "en": ", "},
    "group_joiner": {"de": "; ", "ja": "／", "en": "; "},
}

# Names of the texts of a record, for editors: field path → name.
FIELDS: Terms = {
    "title": {"de": "Titel", "ja": "タイトル", "en": "Title"},
    "summary": {"de": "Zusammenfassung", "ja": "概要", "en": "Summary"},
    "body": {"de": "Beschreibung", "ja": "本文", "en": "Description"},
    "unverified": {"de": "Nicht bestätigte Angaben", "ja": "未確認の情報", "en": "Unverified details"},
    "start": {"de": "Start", "ja": "起点", "en": "Start"},
    "end": {"de": "Ziel", "ja": "終点", "en": "End"},
    "district": {"de": "Stadtgebiet", "ja": "地区", "en": "District"},
    "address": {"de": "Adresse", "ja": "所在地", "en": "Address"},
    "location.label": {"de": "Beschriftung der Koordinaten", "ja": "座標の説明", "en": "Coordinates label"},
}

# Words used inside formatted values.
VALUE_WORDS: Terms = {
    "approximately": {"de": "ca. {value}", "ja": "約{value}", "en": "about {value}"},
    "range": {"de": "{low}–{high}", "ja": "{low}～{high}", "en": "{low}–{high}"},
    "period": {"de": "{start} bis {end}", "ja": "{start}～{end}", "en": "{start} to {end}"},
    "with_note": {"de": "{text} ({note})", "ja": "{text}（{note}）", "en": "{text} ({note})"},
    "note_join": {"de": "{first} – {second}", "ja": "{first}：{second}", "en": "{first} – {second}"},
    "labelled": {"de": "{label}: {value}", "ja": "{label}：{value}", "en": "{label}: {value}"},
    "title_with_part": {"de": "{title} – {part}", "ja": "{title}（{part}）", "en": "{title} – {part}"},
}

ALL_TERM_TABLES: dict[str, Terms] = {
    "SECTION_TITLES": SECTION_TITLES,
    "SECTION_INTROS": SECTION_INTROS,
    "KINDS": KINDS,
    "STATUSES": STATUSES,
    "LANGUAGE_NAMES": LANGUAGE_NAMES,
    "LABELS": LABELS,
    "VALUE_WORDS": VALUE_WORDS,
    "FIELDS": FIELDS,
}


def term(table: Terms, key: str, lang: str) -> str:
    """A glossary entry in ``lang``; every entry has all languages (tested)."""
    return table[key][lang]


def ui_words(lang: str) -> dict[str, str]:
    """Words of the page chrome (search dialog) for the template overrides."""
    keys = ("search", "close", "not_found_title", "not_found_text", "home")
    return {key: term(LABELS, key, lang) for key in keys}


def missing_translations() -> list[str]:
    """Glossary entries lacking a language; empty when the glossary is complete."""
    return [
        f"{name}.{key}.{lang}"
        for name, table in ALL_TERM_TABLES.items()
        for key, texts in table.items()
        for lang in LANGUAGES
        if not texts.get(lang)
    ]
