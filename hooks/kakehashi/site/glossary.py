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
        "Coworking, Gründungszentren, Förderung, Hochschulen, Standorte und Gesundheitswirtschaft.",
        "ja": "両市のスタートアップ支援拠点を並べて紹介します。コワーキングスペース、創業支援施設、"
        "支援制度、大学、拠点となるエリア、ヘルスケア産業を掲載しています。",
        "en": "Where founders find support in both cities, side by side: co-working, start-up centres, "
        "public programmes, universities, sites and the health economy.",
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
    "coworking-space": {"de": "Coworking-Space", "ja": "コワーキングスペース", "en": "Co-working space"},
    "science-city": {"de": "Wissenschaftsstadt", "ja": "研究学園都市", "en": "Science city"},
    "health-network": {
        "de": "Netzwerk der Gesundheitswirtschaft",
        "ja": "ヘルスケア産業のネットワーク",
        "en": "Health-economy network",
    },
    "health-company": {
        "de": "Unternehmen der Gesundheitstechnik",
        "ja": "ヘルステック企業",
        "en": "Health-technology company",
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

# The topics that tag records across sections (the enum of ``topics`` in common.schema.json).
TOPICS: Terms = {
    "health": {"de": "Gesundheit", "ja": "健康・医療", "en": "Health"},
    "mobility": {"de": "Mobilität", "ja": "モビリティ", "en": "Mobility"},
    "science": {"de": "Wissenschaft", "ja": "科学・研究", "en": "Science"},
    "sports": {"de": "Sport", "ja": "スポーツ", "en": "Sports"},
    "startups": {"de": "Start-ups", "ja": "スタートアップ", "en": "Start-ups"},
    "disaster-prevention": {"de": "Katastrophenschutz", "ja": "防災", "en": "Disaster prevention"},
    "urban-development": {"de": "Stadtentwicklung", "ja": "まちづくり", "en": "Urban development"},
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
    # topics, and lists of records that editorial pages place (the records marker)
    "title": {"de": "Titel", "ja": "名称", "en": "Title"},
    "topic": {"de": "Thema", "ja": "テーマ", "en": "Topic"},
    "topics": {"de": "Themen", "ja": "テーマ", "en": "Topics"},
    "topics_intro": {
        "de": "Einträge aus allen Bereichen, nach Themen geordnet.",
        "ja": "すべての分野の項目をテーマ別にまとめています。",
        "en": "Entries from every section, by topic.",
    },
    "topic_intro": {
        "de": "Alle Einträge zum Thema {topic}, nach Bereichen geordnet.",
        "ja": "「{topic}」に関する項目を分野別にまとめています。",
        "en": "Every entry on {topic}, by section.",
    },
    "no_records": {
        "de": "Derzeit gibt es hier keine Einträge.",
        "ja": "現在、該当する項目はありません。",
        "en": "There are no entries here at present.",
    },
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
    "field_joiner": {"de": ", ", "ja": "、", "en": ", "},
    "group_joiner": {"de": "; ", "ja": "／", "en": "; "},
    # the events page, the calendar feeds and the timeline
    "events": {"de": "Termine", "ja": "イベント", "en": "Events"},
    "events_intro": {
        "de": "Besuche, Unterzeichnungen und andere datierte Ereignisse der Partnerschaft und an Orten, "
        "die diese Website beschreibt, jeweils mit ihren Quellen.",
        "ja": "連携に関する訪問や締結式など、日付のわかる出来事と、このサイトで紹介している場所での出来事を、"
        "出典とともに掲載しています。",
        "en": "Visits, signings and other dated events of the partnership and at places this site "
        "describes, each with its sources.",
    },
    "events_as_of": {
        "de": "Stand: {date}. Ob ein Termin bevorsteht oder vorbei ist, richtet sich nach diesem Tag.",
        "ja": "{date}時点の情報です。今後の予定か過去の出来事かは、この日を基準に分けています。",
        "en": "As of {date}. Whether an event is upcoming or past is judged from this day.",
    },
    "upcoming_events": {"de": "Bevorstehende Termine", "ja": "今後の予定", "en": "Upcoming events"},
    "past_events": {"de": "Vergangene Termine", "ja": "過去の出来事", "en": "Past events"},
    "no_upcoming_events": {
        "de": "Zurzeit sind keine bevorstehenden Termine bekannt.",
        "ja": "現在、予定されているイベントはありません。",
        "en": "No upcoming events are known at present.",
    },
    "calendar_feed": {
        "de": "Kalender abonnieren (iCalendar)",
        "ja": "カレンダーを購読する（iCalendar形式）",
        "en": "Subscribe to the calendar (iCalendar)",
    },
    "calendar_how_to": {
        "de": "Kopieren Sie die Adresse dieses Links und fügen Sie sie in Ihrer Kalender-App als "
        "abonnierten Kalender (Kalender aus dem Internet) hinzu; neue Termine erscheinen dann von selbst. "
        "Termine, für die die Quellen keinen Tag nennen, stehen nur auf dieser Seite.",
        "ja": "リンクのアドレスをコピーし、カレンダーアプリで「URLで購読」"
        "（インターネット上のカレンダーを追加）を選んで登録すると、新しい予定が自動的に反映されます。"
        "日にちまでわからない出来事は、このページにのみ掲載しています。",
        "en": "Copy this link's address and add it in your calendar app as a subscribed calendar "
        "(a calendar from the internet); new events then appear by themselves. Events for which the "
        "sources give no day are listed on this page only.",
    },
    "calendar_name": {
        "de": "Bochum ⇄ Tsukuba: Termine",
        "ja": "ボーフム ⇄ つくば：イベント",
        "en": "Bochum ⇄ Tsukuba: events",
    },
    "timeline_intro": {
        "de": "Ereignisse der Partnerschaft, für die diese Website Quellen hat, die ältesten zuerst. "
        "Die Liste ist nicht vollständig.",
        "ja": "このサイトで出典を確認できた連携の出来事を、古い順に掲載しています。"
        "すべてを網羅したものではありません。",
        "en": "Events of the partnership for which this site has sources, oldest first. "
        "The list is not complete.",
    },
    "all_events": {
        "de": "Alle Termine, auch die bevorstehenden, und der Kalender zum Abonnieren",
        "ja": "今後の予定を含むすべてのイベントと、購読用のカレンダー",
        "en": "All events, upcoming ones too, and the calendar to subscribe to",
    },
    "place": {"de": "Ort", "ja": "場所", "en": "Place"},
    # the guides (site/guides.py)
    "guides": {"de": "Ratgeber", "ja": "ガイド", "en": "Guides"},
    "guides_intro": {
        "de": "Ratgeber, die Bochum und Tsukuba nebeneinanderstellen: was ein Begriff im anderen Land "
        "bedeutet und was man bei einem Besuch im Notfall braucht, jede Angabe mit ihrer Quelle.",
        "ja": "ボーフム市とつくば市を並べて紹介するガイドです。用語が相手の国で何に当たるか、"
        "訪問中の緊急時に何が必要かを、出典とともにまとめています。",
        "en": "Guides that set Bochum and Tsukuba side by side: what a term means in the other country "
        "and what a visitor needs in an emergency, each fact with its source.",
    },
    "guide_kind_crosswalk": {"de": "Gegenüberstellung", "ja": "比較表", "en": "Side by side"},
    "guide_kind_visitor_card": {"de": "Notfallkarte", "ja": "緊急カード", "en": "Emergency card"},
    "guide_japan": {"de": "Japan", "ja": "日本", "en": "Japan"},
    "guide_germany": {"de": "Deutschland", "ja": "ドイツ", "en": "Germany"},
    "guide_facilities": {"de": "Passende Einträge", "ja": "関連する項目", "en": "Related entries"},
    "guide_offline": {
        "de": "Diese Seite bleibt in diesem Browser auch ohne Internetverbindung lesbar, "
        "sobald Sie sie einmal geöffnet haben.",
        "ja": "このページは、一度開くと、同じブラウザーでインターネットに接続していなくても読めます。",
        "en": "Once you have opened this page, it stays readable in this browser "
        "without an internet connection.",
    },
    "card_numbers": {"de": "Notrufnummern", "ja": "緊急通報の番号", "en": "Emergency numbers"},
    "card_warnings": {
        "de": "So erreichen Sie Warnungen",
        "ja": "警報の受け取り方",
        "en": "How warnings reach you",
    },
    "card_install": {"de": "App installieren", "ja": "アプリを入れておく", "en": "Install the app"},
    "card_places": {
        "de": "Anlaufstellen im Krisenfall",
        "ja": "危機のときに行く場所",
        "en": "Where to go in a crisis",
    },
    "card_all_places": {
        "de": "Alle Einträge im Bereich Katastrophenschutz",
        "ja": "防災の全項目",
        "en": "All entries on disaster prevention",
    },
    "card_phrases": {
        "de": "Sätze für den Notfall",
        "ja": "緊急時に使う表現",
        "en": "Phrases for an emergency",
    },
    "card_phrase": {"de": "Satz", "ja": "表現", "en": "Phrase"},
    "card_reading": {"de": "Aussprache", "ja": "読み方", "en": "Pronunciation"},
    "card_meaning": {"de": "Bedeutung", "ja": "意味", "en": "Meaning"},
    "card_source_ref": {"de": "Quelle {number}", "ja": "出典{number}", "en": "Source {number}"},
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
    "place": {"de": "Ort", "ja": "場所", "en": "Place"},
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

# Maps, tracks and elevation profiles (site/maps.py).
MAP_WORDS: Terms = {
    "map": {"de": "Karte", "ja": "地図", "en": "Map"},
    "route_map_title": {"de": "Karte: {title}", "ja": "{title}の地図", "en": "Map: {title}"},
    "place_map_title": {"de": "Lage: {title}", "ja": "{title}の位置", "en": "Location: {title}"},
    "section_map_title": {
        "de": "Karte der Einträge in {city}",
        "ja": "{city}の掲載地点の地図",
        "en": "Map of the entries in {city}",
    },
    "profile_title": {
        "de": "Höhenprofil: {title}",
        "ja": "{title}の高低図",
        "en": "Elevation profile: {title}",
    },
    "track_desc": {
        "de": "Verlauf nach der GPX-Datei, ohne Hintergrundkarte; Start und Ziel sind markiert.",
        "ja": "GPXファイルに基づく経路です（背景地図なし）。起点と終点を示しています。",
        "en": "The course from the GPX file, without a background map; start and end are marked.",
    },
    "schematic_note": {
        "de": "Schematische Darstellung: gerade Linien zwischen den genannten Orten, "
        "nicht der Verlauf des Radwegs.",
        "ja": "模式図：記載の地点を直線で結んだもので、実際の経路ではありません。",
        "en": "Schematic: straight lines between the places listed, not the course of the route.",
    },
    "points_only_note": {
        "de": "Nur die bekannten Punkte; der Verlauf des Radwegs ist hier nicht erfasst.",
        "ja": "判明している地点のみを示しています。経路のデータはありません。",
        "en": "Only the known points; the course of the route is not recorded here.",
    },
    "place_desc": {
        "de": "Der Ort (1) bei {coordinates}, ohne Hintergrundkarte.",
        "ja": "{coordinates}の地点（1）です（背景地図なし）。",
        "en": "The place (1) at {coordinates}, without a background map.",
    },
    "place_desc_related": {
        "de": "Die weiteren Nummern sind die Einträge unter „Siehe auch“.",
        "ja": "ほかの番号は「関連項目」の地点です。",
        "en": "The other numbers are the entries under “See also”.",
    },
    "section_map_desc": {
        "de": "{count} Einträge mit Koordinaten als Punkte, ohne Hintergrundkarte. "
        "Einträge ohne Koordinaten fehlen in der Karte.",
        "ja": "座標のある{count}件を点で示しています（背景地図なし）。座標のない項目は地図に表示されません。",
        "en": "{count} entries with coordinates, drawn as points without a background map. "
        "Entries without coordinates are not on the map.",
    },
    "section_map_desc_one": {
        "de": "Ein Eintrag mit Koordinaten als Punkt, ohne Hintergrundkarte. "
        "Einträge ohne Koordinaten fehlen in der Karte.",
        "ja": "座標のある1件を点で示しています（背景地図なし）。座標のない項目は地図に表示されません。",
        "en": "One entry with coordinates, drawn as a point without a background map. "
        "Entries without coordinates are not on the map.",
    },
    "profile_desc": {
        "de": "Höhe über der Entfernung vom Start, nach der GPX-Datei: von {low} bis {high}.",
        "ja": "GPXファイルに基づく、起点からの距離ごとの標高です（{low}～{high}）。",
        "en": "Elevation against the distance from the start, from the GPX file: from {low} to {high}.",
    },
    "legend_exact": {"de": "genauer Ort", "ja": "正確な位置", "en": "exact place"},
    "legend_approximate": {
        "de": "ungefährer Ort (Bezugspunkt in der Nähe)",
        "ja": "おおよその位置（付近の基準点）",
        "en": "approximate place (a nearby reference point)",
    },
    "table_summary": {"de": "Die Werte als Tabelle", "ja": "データを表で見る", "en": "The values as a table"},
    "place": {"de": "Ort", "ja": "地点", "en": "Place"},
    "latitude": {"de": "Breitengrad", "ja": "緯度", "en": "Latitude"},
    "longitude": {"de": "Längengrad", "ja": "経度", "en": "Longitude"},
    "precision": {"de": "Genauigkeit", "ja": "精度", "en": "Precision"},
    "value": {"de": "Wert", "ja": "値", "en": "Value"},
    "scale": {"de": "Maßstab", "ja": "縮尺", "en": "Scale"},
    "distance_axis": {"de": "Entfernung (km)", "ja": "距離（km）", "en": "Distance (km)"},
    "elevation_axis": {"de": "Höhe (m)", "ja": "標高（m）", "en": "Elevation (m)"},
    "track_length": {
        "de": "Länge laut GPX-Datei",
        "ja": "GPXデータから算出した距離",
        "en": "Length of the GPX track",
    },
    "climb": {"de": "Anstieg (gesamt)", "ja": "累積標高（上り）", "en": "Total climb"},
    "descent": {"de": "Abstieg (gesamt)", "ja": "累積標高（下り）", "en": "Total descent"},
    "extent": {
        "de": "Ausdehnung (Breite, Länge)",
        "ja": "範囲（緯度、経度）",
        "en": "Extent (latitude, longitude)",
    },
    "track_method": {
        "de": "Länge auf dem WGS84-Ellipsoid berechnet (Verfahren nach Karney); Anstieg und Abstieg "
        "zählen Höhenänderungen erst ab 5 m, um Messrauschen auszublenden.",
        "ja": "距離はWGS84楕円体上で計算しています（Karneyの方法）。累積標高は、測定誤差を除くため"
        "5m以上の高低差のみを数えています。",
        "en": "Length computed on the WGS84 ellipsoid (Karney's method); climb and descent count changes "
        "in elevation of 5 m or more, to leave out measurement noise.",
    },
    "track_source": {
        "de": "Quelle der Streckendaten",
        "ja": "ルートデータの出典",
        "en": "Source of the track",
    },
    "licence": {"de": "Lizenz: {licence}", "ja": "ライセンス：{licence}", "en": "Licence: {licence}"},
    "downloads": {"de": "Streckendaten", "ja": "ルートデータ", "en": "Track data"},
    "download_gpx": {
        "de": "GPX-Datei herunterladen",
        "ja": "GPXファイルをダウンロード",
        "en": "Download the GPX file",
    },
    "download_geojson": {
        "de": "Als GeoJSON herunterladen",
        "ja": "GeoJSON形式でダウンロード",
        "en": "Download as GeoJSON",
    },
    "open_in_osm": {
        "de": "In OpenStreetMap zeigen (neuer Tab)",
        "ja": "OpenStreetMapで表示（新しいタブ）",
        "en": "Show in OpenStreetMap (new tab)",
    },
    "route_to": {
        "de": "Weg hierher planen (OpenStreetMap, neuer Tab)",
        "ja": "ここまでの経路を検索（OpenStreetMap、新しいタブ）",
        "en": "Plan a route here (OpenStreetMap, new tab)",
    },
    "search_address": {
        "de": "Adresse in OpenStreetMap suchen (neuer Tab)",
        "ja": "OpenStreetMapで住所を検索（新しいタブ）",
        "en": "Search for the address in OpenStreetMap (new tab)",
    },
}

ALL_TERM_TABLES: dict[str, Terms] = {
    "SECTION_TITLES": SECTION_TITLES,
    "SECTION_INTROS": SECTION_INTROS,
    "KINDS": KINDS,
    "STATUSES": STATUSES,
    "TOPICS": TOPICS,
    "LANGUAGE_NAMES": LANGUAGE_NAMES,
    "LABELS": LABELS,
    "VALUE_WORDS": VALUE_WORDS,
    "FIELDS": FIELDS,
    "MAP_WORDS": MAP_WORDS,
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
