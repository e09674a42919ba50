"""Reports in traditional characters, read as the simplified ones the rules are written in.

A report typed in traditional characters (地區生產總值, 規模以上工業增加值) names the same
indicators: the plain copy maps each traditional character to its simplified form, one
character for one, so that the lexicon and the rules match and every quote is still cut
from the report as written. The map holds the characters of the genre (statistics, units,
the words of goals and tasks); a character outside it is read as written.
"""

from __future__ import annotations

# Pairs: a traditional character, then its simplified form. Left out: characters that are
# also ordinary simplified ones (著, 乾, 藉, 瞭, 隻, 於, 後 stay as written).
_PAIRS = (
    "萬万與与業业兩两個个臨临為为義义鄉乡書书爭争產产畝亩億亿從从們们價价優优會会體体餘余"
    "儲储兒儿養养寫写農农況况淨净準准減减劃划創创別别務务動动勞劳勢势區区醫医協协單单壓压"
    "縣县參参雙双發发變变號号噸吨員员團团園园圍围國国圖图場场堅坚備备複复復复頭头奮奋嬰婴"
    "學学寧宁實实審审對对壽寿將将屆届屬属歲岁鞏巩師师並并應应開开張张強强當当錄录徵征徑径"
    "懷怀總总願愿戶户執执擴扩報报擁拥損损換换據据攤摊數数斷断無无時时顯显術术機机條条來来"
    "極极構构標标欄栏檢检氣气沒没濟济濃浓濤涛漲涨漁渔灣湾滿满點点狀状現现電电蓋盖碼码確确"
    "稈秆種种積积稱称稅税穩稳簽签類类糧粮約约級级納纳細细終终經经結结繞绕給给統统繼继績绩"
    "續续維维綜综綠绿緣缘網网羅罗節节藥药營营藍蓝銜衔補补裝装見见規规計计訂订認认讓让議议"
    "記记設设證证識识詞词試试該该語语說说請请讀读調调謀谋譜谱財财質质貿贸費费資资趨趋躍跃"
    "轉转輪轮較较輛辆輸输邊边達达過过邁迈運运還还這这進进遠远選选遞递採采釋释裡里裏里鏈链"
    "錦锦鎮镇長长間间階阶際际險险頃顷項项順顺顧顾預预領领顆颗額额飼饲驗验黃黄幣币衛卫環环"
    "護护貨货銷销購购舉举廣广東东華华門门問问關关態态樂乐藝艺歷历輕轻廠厂礦矿鋼钢鐵铁車车"
    "軌轨線线綫线築筑蘭兰紅红專专傳传儀仪嚴严壩坝奪夺寬宽廢废徹彻戰战擊击攜携檔档權权殘残"
    "漢汉濱滨災灾煙烟燈灯爐炉獲获畫画療疗盡尽監监盤盘禮礼窮穷簡简緊紧編编織织聯联聽听職职"
    "腦脑舊旧蘇苏製制觀观許许評评誤误課课談谈貧贫責责貢贡買买賣卖貸贷賽赛趕赶軍军鄰邻閱阅"
    "陽阳雜杂難难離离靈灵頁页頂顶題题風风飛飞館馆駐驻齊齐龍龙溫温測测壯壮貫贯衝冲擔担"
    "賦赋幾几隊队樣样歡欢湯汤淺浅潔洁燒烧獨独畢毕疊叠眾众礎础競竞筆笔範范紀纪紛纷紙纸純纯"
    "組组絕绝緩缓練练縮缩罰罚習习聖圣聲声脫脱膠胶興兴艱艰莊庄薦荐處处虧亏蠶蚕視视親亲覺觉"
    "覽览訓训訪访註注詳详誠诚論论諾诺講讲負负販贩賬账贈赠贏赢跡迹軟软載载輔辅辦办連连週周"
    "違违適适遺遗針针銀银鋪铺錢钱錯错鍵键鎖锁閉闭閘闸陸陆陳陈陰阴隨随隱隐雞鸡雲云響响飲饮"
    "飯饭髮发魚鱼鮮鲜麥麦黨党齡龄係系樓楼橋桥氫氢熱热鄭郑獎奖勵励濕湿勝胜戲戏臺台廳厅鐘钟"
    "穀谷棄弃慶庆擬拟雖虽傷伤圓圆"
)
#: Traditional character → simplified.
TO_SIMPLIFIED = str.maketrans(_PAIRS[0::2], _PAIRS[1::2])
