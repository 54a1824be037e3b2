extension Contest {
    /// contest.json's `eligibility` block: the contest's conditions on who may enter what
    /// (คุณสมบัติของผลงานที่ส่งเข้าประกวด), as `EligibilityRules` checks them.
    public struct Eligibility: Equatable, Sendable {
        /// The last day submissions are taken (วันสิ้นสุดการรับสมัคร).
        public var closes: CalendarDate
        /// A work in real use since before this day qualifies whatever its months of use.
        public var inUseBefore: CalendarDate?
        /// The months a work must have been in real use by `closes`.
        public var minMonthsInUse: Int
        /// The kinds of local government that may enter, in the order given.
        public var organisationKinds: [OrganisationKind]
        /// Works that won this contest before and may not enter again.
        public var previousWinners: [PreviousWinner]

        public init(closes: CalendarDate, inUseBefore: CalendarDate? = nil, minMonthsInUse: Int = 0,
                    organisationKinds: [OrganisationKind] = OrganisationKind.allCases, previousWinners: [PreviousWinner] = []) {
            self.closes = closes
            self.inUseBefore = inUseBefore
            self.minMonthsInUse = minMonthsInUse
            self.organisationKinds = organisationKinds
            self.previousWinners = previousWinners
        }

        /// A work in use since this day or earlier has been in use `minMonthsInUse` months by `closes`.
        public var inUseBy: CalendarDate { closes.addingMonths(-minMonthsInUse) }
    }

    public struct PreviousWinner: Equatable, Sendable {
        /// The contest year as the announcement writes it (2565 for พ.ศ. 2565).
        public var year: Int
        public var organisation: String
        public var title: String

        public init(year: Int, organisation: String, title: String) {
            self.year = year
            self.organisation = organisation
            self.title = title
        }
    }
}
