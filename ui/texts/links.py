"""Texts of the links (联动) on the assumptions page: key → (Chinese, English)."""

TEXT = {
    "lnk.term": ("{name}(弹性{e})", "{name} (elasticity {e})"),
    "lnk.and": ("、", ", "),
    "lnk.why": ("{item}:{why}", "{item}: {why}"),
    "lnk.board_why": ("与“{base}”相比,状态改变的目标:{items}", "Targets whose status changed from “{base}”: {items}"),
    "lnk.follows": ("随{terms}联动", "follows {terms}"),
    "lnk.move_to_set": ("当前按联动取值;拖动滑块即改为手动设定(不再联动)。",
                        "Follows its link now; moving the slider sets it by hand (unlinks it)."),
    "lnk.base_by_hand": ("起点情景已手动设定此项,不随联动。", "The starting scenario sets this by hand: not linked."),
    "lnk.relink": ("恢复联动", "Follow the link again"),
    "lnk.title": ("联动关系", "Links between indicators"),
    "lnk.intro": ("箭头从驱动指标指向随之变化的指标,旁注为弹性:驱动指标每多增长1个百分点,跟随指标多增长“弹性”个百分点"
                  "(实际增速与名义增速之间按平减指数换算)。弹性保留三位有效数字,鼠标悬停可见精确值,明细见下表。"
                  "手动设定的指标不随联动。",
                  "Arrows run from a driving indicator to the one that follows it, marked with the elasticity: "
                  "one more point of growth upstream gives that many more points downstream (real growth is "
                  "turned into nominal with the deflator). Elasticities show three significant digits; hover "
                  "for the exact value, or see the table below. A driver set by hand does not follow its link."),
    "lnk.hover": ("{src} → {dst}:弹性{e}", "{src} → {dst}: elasticity {e}"),
    "lnk.table": ("联动关系明细与依据", "Links, with their basis"),
    "lnk.col.why_moved": ("联动", "Link"),
    "lnk.col.from": ("驱动指标", "Driving indicator"),
    "lnk.col.to": ("跟随指标", "Follower"),
    "lnk.col.e": ("弹性", "Elasticity"),
    "lnk.col.price": ("价格换算", "Price step"),
    "lnk.col.basis": ("依据", "Basis"),
    "lnk.col.why": ("说明", "Formula or reason"),
    "lnk.via_deflator": ("经{name}换算为名义增速", "to nominal via {name}"),
    "lnk.basis.derived": ("推算", "derived"),
    "lnk.basis.assumed": ("假设", "assumed"),
}
