// SPDX-License-Identifier: Apache-2.0

/// Chinese names of the audit log's actions and entities. The log itself keeps the English
/// tokens (`accept`, `merge-proposal`), as the API and `suiji audit verify` show them; pages
/// show these names. Every store that appends an audit row adds its tokens here.
public enum AuditLabels {
    /// Action names by token.
    public static let actions: [String: String] = [
        "create": "新增", "update": "修改", "delete": "删除", "update-batch": "修改批次", "delete-batch": "删除批次", "upsert": "新增或修改",
        "new-version": "发布新版本", "import": "批量导入",
        "login": "登录", "logout": "退出登录", "declare-conflict": "申报回避",
        "submit": "提交", "approve": "批准", "reject": "退回", "start": "开始实施", "finish": "完成", "publish": "公示",
        "add-batch": "新增批次", "prepare": "准备抽取", "commit": "提交承诺", "publish-commitment": "发布承诺",
        "reveal": "揭示秘密", "public-value": "录入公开随机值", "execute": "执行抽取", "replace-inspector": "更换检查人员",
        "create-inspections": "生成检查任务", "schedule": "安排检查日期", "notice": "登记事先告知", "finding": "录入检查结果",
        "review": "审核", "return": "退回", "attach": "上传附件", "entrust": "委托专业机构（专家）",
        "open": "登记后续处置", "rectified": "复查：已整改", "notRectified": "复查：未整改", "close": "办结",
        "credit-record": "记入信用记录", "risk-class": "调整风险等级", "risk-class-lowering": "定期下调风险等级",
        "merge": "合并计划", "accept": "采纳", "remind": "提醒报送", "refresh-merge-proposals": "重新计算合并建议",
        "load-holiday-notice": "载入节假日安排通知", "issue-document-number": "编发文号",
        "record-outside-check": "登记随机抽查以外的检查", "import-outside-checks": "导入随机抽查以外的检查",
        "login-failed": "登录失败", "lock": "锁定账号", "unlock": "解除锁定", "change-password": "修改密码",
        "reset-password": "重置密码", "disable": "停用账号", "enable": "启用账号", "revoke-token": "撤销令牌",
        "refuse": "拒绝访问", "export": "导出", "download": "下载", "backup": "备份", "restore": "从备份恢复",
        "rekey": "更换审计密钥",
    ]

    /// Names of an action on one kind of entity, where the plain name would mislead
    /// (`entity:action`).
    public static let entityActions: [String: String] = [
        "inspection:submit": "提交审核", "inspection:approve": "审核通过",
        "merge-proposal:accept": "采纳合并建议", "merge-proposal:reject": "不采纳合并建议",
        "annual-plan:publish": "公示年度计划", "annual-plan:remind": "提醒报送年度计划",
    ]

    /// Entity names by token.
    public static let entities: [String: String] = [
        "target": "检查对象", "targets": "检查对象", "inspector": "执法检查人员", "inspectors": "执法检查人员",
        "expert": "专家", "experts": "专家", "check-item": "抽查事项", "items": "抽查事项", "department": "部门",
        "account": "账号", "session": "登录会话", "area": "区划", "plan": "联合抽查计划", "draw": "随机抽取",
        "inspection": "检查任务", "follow-up": "后续处置", "merge-proposal": "合并建议", "annual-plan": "年度计划",
        "calendar": "节假日安排", "request": "请求", "attachment": "附件", "dossier": "检查档案", "database": "数据库",
        "audit-key": "审计密钥",
    ]

    /// The Chinese name of `action` on `entity`, or nil when none is known.
    public static func action(_ action: String, entity: String) -> String? {
        entityActions["\(entity):\(action)"] ?? actions[action]
    }

    /// The Chinese name of `entity`, or nil when none is known.
    public static func entity(_ entity: String) -> String? { entities[entity] }
}
