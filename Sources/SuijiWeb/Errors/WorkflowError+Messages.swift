// SPDX-License-Identifier: Apache-2.0

import SuijiCore

extension WorkflowError {
    /// What a page shows for the error: each field's message for invalid input, else the one message.
    var messages: [String] {
        if case .invalid(let issues) = reason { return issues.map(\.message) }
        return [message]
    }
}
