import KhanaenText

/// The eligibility check's results as `khanaen eligibility` prints them.
public enum EligibilityReport {
    /// `{"entries": [{"id", "status", "rules": [{"id", "status", "reason"}], "decision"?}]}`,
    /// reasons in `language`: `status` is the chair's decision when there is one, which
    /// `decision` then gives as `{"status", "by", "at", "reason"}` (`at` in UTC, as the
    /// ledger keeps it); the rules' own results are in `rules`.
    public static func json(_ results: [EntryEligibility], language: Language) -> String {
        let entries = results.map { r in
            var members: [(String, JSONValue)] = [
                ("id", .string(r.id)), ("status", .string(r.status.rawValue)),
                ("rules", .arr(r.rules.map { rule in
                    .obj([("id", .string(rule.rule.rawValue)), ("status", .string(rule.status.rawValue)), ("reason", .string(rule.reason.words(language)))])
                })),
            ]
            if let d = r.decision {
                members.append(("decision", .obj([("status", .string(d.status.rawValue)), ("by", .string(d.by)),
                                                  ("at", d.time.map { .string(Timestamp.format($0)) } ?? .null),
                                                  ("reason", .string(d.reason))])))
            }
            return JSONValue.obj(members)
        }
        return JSONWriter.escapingInvisible(JSONWriter.string(.obj([("entries", .arr(entries))]), indent: 2)) + "\n"
    }

    /// One row per entry: its status, each rule's, and the reasons of the rules that did not
    /// pass (the digital rule's, the same for all, only in its column). Text that came from
    /// a submission is shown through `TerminalSafe`. A chair's decision comes first among the
    /// reasons, with who and when (in the contest's time zone, or `timeZone`; พ.ศ. in Thai).
    ///
    /// With `width` (the terminal's), the table fits it: the reasons leave the table and are
    /// wrapped under their entry's row, indented; without, the long form, one line an entry.
    public static func table(_ results: [EntryEligibility], contest: Contest, language: Language,
                             timeZone: ContestTimeZone? = nil, width: Int? = nil, words: WordBreaker = .plain) -> String {
        let zone = timeZone ?? contest.timeZone
        let columns: [TextTable.Column] = [
            .init(language.t("รหัส", "ID")), .init(language.t("หน่วยงาน", "Organisation")), .init(language.t("ผล", "Status")),
            .init(language.t("ใช้งานจริง", "In use")), .init(language.t("อปท.", "Local gov.")), .init(language.t("ไม่เคยได้รางวัล", "Not a winner")),
            .init(language.t("ดิจิทัล", "Digital")), .init(language.t("เหตุผล", "Reasons")),
        ]
        let rows = results.map { r -> [String] in
            let organisation = contest.entryIndex(r.id).map { contest.entries[$0].organisation } ?? ""
            var reasons = r.rules.filter { $0.status != .pass && $0.rule != .digital }.map { $0.reason.words(language) }
            if let d = r.decision {
                var about = [d.by, d.time.map { ThaiDate.moment($0, zone: zone, language: language) } ?? ""].filter { !$0.isEmpty }
                    .joined(separator: ", ")
                if d.status != r.computed {
                    about += (about.isEmpty ? "" : "; ") + (language.t("ตามเกณฑ์: ", "by the rules: ")) + word(r.computed, language)
                }
                reasons.insert((language.t("ประธานกรรมการ", "chair")) + (about.isEmpty ? "" : " (\(about))") + ": " + d.reason, at: 0)
            }
            return [r.id.terminalSafe, OrganisationKind.abbreviated(organisation).terminalSafe, word(r.status, language)]
                + r.rules.map { word($0.status, language) } + [reasons.joined(separator: "; ").terminalSafe]
        }
        let counts = EligibilityStatus.allCases.map { s in "\(word(s, language)) \(results.filter { $0.status == s }.count)" }
        guard let width else {
            return (TextTable(columns, separator: "  ").render(rows) + ["", counts.joined(separator: ", ")]).joined(separator: "\n") + "\n"
        }
        // Every column but the organisation's as wide as its widest cell; the organisation takes
        // what is left; the reasons go under the row.
        var fitted = Array(columns.dropLast())
        for c in fitted.indices where c != 1 {
            let widest = rows.map { CellWidth.of($0[c]) }.max() ?? 0
            fitted[c] = .init(fitted[c].title, width: max(CellWidth.of(fitted[c].title), widest))
        }
        fitted[1] = .init(fitted[1].title, minWidth: 8)
        // Too narrow for the rules' columns: the status alone, the reasons under it say why.
        if fitted.compactMap(\.width).reduce(0, +) + fitted.count - 1 + 8 > width { fitted = Array(fitted.prefix(3)) }
        let table = TextTable(fitted, separator: " ")
        let widths = table.widths(total: width)
        var out = [table.header(widths: widths), String(repeating: "─", count: min(width, widths.reduce(0, +) + widths.count - 1))]
        let label = language.t("เหตุผล: ", "Reasons: ")
        for row in rows {
            out.append(table.line(Array(row.prefix(fitted.count)), widths: widths))
            guard let reasons = row.last, !reasons.isEmpty else { continue }
            for line in LineWrap.wrap(label + reasons, width: max(10, width - 4), words: words) { out.append("    " + line) }
        }
        return (out + ["", counts.joined(separator: ", ")]).joined(separator: "\n") + "\n"
    }

    public static func word(_ s: EligibilityStatus, _ language: Language) -> String {
        switch (s, language) {
        case (.pass, .th): return "ผ่าน"
        case (.fail, .th): return "ไม่ผ่าน"
        case (.review, .th): return "ต้องพิจารณา"
        case (.pass, .en): return "pass"
        case (.fail, .en): return "fail"
        case (.review, .en): return "review"
        }
    }
}
