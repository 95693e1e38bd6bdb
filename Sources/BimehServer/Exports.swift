/// The rules module is part of the server's vocabulary: whoever imports the server sees its types.
@_exported import InsuranceKit
