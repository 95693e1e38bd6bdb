import Foundation
import InsuranceKit

/// The policies list finds a motor policy by its plate (typed any way IranianPlate reads, e.g.
/// «۱۲ ب ۳۴۵ ایران ۶۶») and by its VIN.
extension ThirdPartyHooks {
    func searchTerms(_ policy: Policy) -> [String] {
        [ThirdPartyDesk.plate(of: policy), ThirdPartyDesk.vehicle(of: policy)?.vin?.value].compactMap { $0 }
    }

    func searchKeys(_ query: String) -> [String] {
        (try? IranianPlate(parsing: query)).map { [$0.canonical] } ?? []
    }
}
