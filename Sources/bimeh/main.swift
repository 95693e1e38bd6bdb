import BimehServer
import Foundation

exit(await BimehMain.run())
