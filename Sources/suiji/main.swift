// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import SuijiCLI

await SuijiCommand.main()
