<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_Hans" sourcelanguage="en">
    <context>
        <name>AbstractionRechargeBalance</name>
        <message>
            <source>Abstraction against recharge (over-extraction grade, cut needed)</source>
            <translation type="vanished">开采量与补给量对比（超采等级、需压减量）</translation>
        </message>
        <message>
            <source>Allowable-extraction ratio ρ (empty = rules file default)</source>
            <translation type="vanished">可开采系数 ρ（留空 = 规则文件默认值）</translation>
        </message>
        <message>
            <source>Annual abstraction per well (m³)</source>
            <translation type="vanished">单井年开采量（m³）</translation>
        </message>
        <message>
            <source>Assessment units (polygons; empty = square grid)</source>
            <translation type="vanished">评价单元（多边形；留空 = 方格网）</translation>
        </message>
        <message>
            <source>Balance per unit</source>
            <translation type="vanished">各单元采补平衡</translation>
        </message>
        <message>
            <source>Chart: abstraction against allowable (PNG)</source>
            <translation type="vanished">图表：开采量与可开采量对比（PNG）</translation>
        </message>
        <message>
            <source>Grid cell size when no units are given (metres)</source>
            <translation type="vanished">未给评价单元时的网格边长（米）</translation>
        </message>
        <message>
            <source>Layer '{}' (RECHARGE): only file rasters (GDAL) are supported; export it to GeoTIFF first.</source>
            <translation type="vanished">图层“{}”（RECHARGE）：仅支持文件栅格（GDAL），请先导出为 GeoTIFF。</translation>
        </message>
        <message>
            <source>Net balance raster (mm/a, GeoTIFF)</source>
            <translation type="vanished">采补差栅格（mm/年，GeoTIFF）</translation>
        </message>
        <message>
            <source>Net balance raster: {0} cells, {1:.1f} % mined (negative), range {2:.1f} to {3:.1f} mm/a.</source>
            <translation type="vanished">采补差栅格：{0} 个像元，{1:.1f}% 为超采（负值），范围 {2:.1f} 至 {3:.1f} mm/年。</translation>
        </message>
        <message>
            <source>Over-extraction</source>
            <translation type="vanished">地下水超采</translation>
        </message>
        <message>
            <source>PNG files (*.png)</source>
            <translation type="vanished">PNG 文件 (*.png)</translation>
        </message>
        <message>
            <source>Per assessment unit (township, zone…) or square grid cell: abstraction of the wells inside, recharge volume, allowable abstraction, extraction coefficient, over-extraction grade and the volume to cut until abstraction and recharge balance (采补平衡, notice 托政发规〔2024〕3号 section 二(一), item 7; grading after GB/T 34968-2017, thresholds from the rules file).

WELLS: point layer of wells. VOLUME_FIELD: annual abstraction per well in m³ (default metered_m3); text such as '1,200' is read, unreadable or negative values stop the run with the feature named; empty values are reported and not counted.
RECHARGE: raster of recharge in mm per year (mm/a), any CRS. It MUST be in mm/a: a raster in m/a or in m³ per cell gives wrong volumes (the log warns when the mean is implausible). Recharge volume = Σ mm/1000 × true cell area over the unit; cells on the unit's edge count by the exact share of their area inside; cells without data are left out and counted in the log.
UNITS: polygon layer of assessment units (optional). Without it, GRID_SIZE (metres) makes a square grid over the wells and the raster.
ALLOWABLE_RATIO: ρ, allowable abstraction = ρ × recharge (empty: the rules file's default_allowable_ratio).
LEVEL_GRADES (optional): the output of tuoli_gw:water_level_trend, per unit (polygons with level_grade, decline_m_per_a) or per station (points: aggregated per unit by median rate).

OUTPUT: the units with their attributes plus wells_n, area_km2, abstraction_m3, recharge_m3, allowable_m3, extraction_coef (abstraction / allowable; empty when recharge is zero), grade (none / general / severe: general above 1.0, severe above 1.3 by default), reduction_m3 = max(0, abstraction − allowable); with LEVEL_GRADES also level_grade, decline_m_per_a, final_grade (the worse grade) and grade_criterion (extraction_coef / water_level / both).
OUTPUT_RASTER (optional GeoTIFF): net balance in mm/a on the recharge grid = recharge − the unit's abstraction spread over its area; negative where the aquifer is mined.
CHART (optional PNG): abstraction against allowable abstraction per unit.
Wells outside every unit are listed in the log, never silently dropped.</source>
            <translation type="vanished">按评价单元（乡镇、超采区等）或方格网计算：单元内取水井的开采量、补给量、可开采量、开采系数、超采等级，以及达到采补平衡所需压减的水量（托政发规〔2024〕3号 第二部分（一）第7条；等级划分参照 GB/T 34968-2017，阈值取自规则文件）。

WELLS：取水井点图层。VOLUME_FIELD：单井年开采量（m³，默认 metered_m3）；可读取“1,200”等文本，无法识别或为负的值将停止运行并指明要素；空值在日志中列出且不计入。
RECHARGE：补给量栅格，单位 mm/年（mm/a），任意坐标系。必须为 mm/a：以 m/a 或每像元 m³ 表示的栅格会得出错误水量（均值不合理时日志会提示）。补给水量 = Σ mm/1000 × 单元内像元真实面积；单元边界上的像元按其落在单元内的面积比例精确计算；无数据像元不计入并在日志中统计。
UNITS：评价单元多边形图层（可选）。未提供时，按 GRID_SIZE（米）在取水井和栅格范围上生成方格网。
ALLOWABLE_RATIO：可开采系数 ρ，可开采量 = ρ × 补给量（留空：规则文件的 default_allowable_ratio）。
LEVEL_GRADES（可选）：tuoli_gw:water_level_trend 的输出，按单元（含 level_grade、decline_m_per_a 的多边形）或按监测站（点：按单元取下降速率中位数）。

OUTPUT：评价单元及其属性，另加 wells_n、area_km2、abstraction_m3、recharge_m3、allowable_m3、extraction_coef（开采量 / 可开采量；补给量为零时为空）、grade（none 未超采 / general 一般 / severe 严重：默认大于 1.0 为一般超采，大于 1.3 为严重超采）、reduction_m3 = max(0, 开采量 − 可开采量)；提供 LEVEL_GRADES 时另有 level_grade、decline_m_per_a、final_grade（取较重等级）和 grade_criterion（extraction_coef / water_level / both）。
OUTPUT_RASTER（可选 GeoTIFF）：补给栅格上的采补差（mm/a）= 补给量 − 单元开采量按面积均摊；为负处表示含水层被超采。
CHART（可选 PNG）：各单元开采量与可开采量对比图。
不在任何单元内的取水井在日志中列出，绝不静默丢弃。</translation>
        </message>
        <message>
            <source>Recharge raster (mm/a)</source>
            <translation type="vanished">补给量栅格（mm/年）</translation>
        </message>
        <message>
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation type="vanished">规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <source>Water-level grades (output of water_level_trend, optional)</source>
            <translation type="vanished">水位等级（“地下水位趋势”的输出，可选）</translation>
        </message>
        <message>
            <source>Wells (points)</source>
            <translation type="vanished">取水井（点）</translation>
        </message>
        <message>
            <source>{0} units: {1} severe; total reduction needed {2:.0f} m³/a.</source>
            <translation type="vanished">共 {0} 个单元，其中严重超采 {1} 个；需压减开采量合计 {2:.0f} m³/年。</translation>
        </message>
    </context>
    <context>
        <name>AbstractionRechargeBalanceAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Abstraction against allowable abstraction per unit.</source>
            <translation>各单元开采量与可开采量对比。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Abstraction against recharge (over-extraction grade, cut needed)</source>
            <translation>开采量与补给量对比（超采等级、需压减量）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Allowable abstraction = ρ × recharge; empty takes the rules file's default_allowable_ratio.</source>
            <translation>可开采量 = ρ × 补给量；留空则取规则文件的 default_allowable_ratio。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Allowable-extraction ratio ρ (empty = rules file default)</source>
            <translation>可开采系数 ρ（留空 = 规则文件默认值）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Annual abstraction per well (m³)</source>
            <translation>单井年开采量（m³）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Any CRS. It MUST be in mm per year: a raster in m/a or in m³ per cell gives wrong volumes (the log warns when the mean is implausible).</source>
            <translation>任意坐标系。必须为 mm/年：以 m/a 或每像元 m³ 表示的栅格会得出错误水量（均值不合理时日志会提示）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Assessment units (polygons; empty = square grid)</source>
            <translation>评价单元（多边形；留空 = 方格网）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Balance per unit</source>
            <translation>各单元采补平衡</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Chart: abstraction against allowable (PNG)</source>
            <translation>图表：开采量与可开采量对比（PNG）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Grid cell size when no units are given (metres)</source>
            <translation>未给评价单元时的网格边长（米）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Induced problems (land subsidence, springs drying up …; optional)</source>
            <translation>开采引发的问题（地面沉降、泉水断流 …；可选）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" line="253" />
            <source>Layer '{layer}' (RECHARGE): only file rasters (GDAL) are supported; export it to GeoTIFF first.</source>
            <translation>图层“{layer}”（RECHARGE）：只支持文件栅格（GDAL）；请先导出为 GeoTIFF。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Net balance on the recharge grid = recharge − the unit's abstraction spread over its area; negative where the aquifer is mined.</source>
            <translation>补给栅格上的采补差 = 补给量 − 单元开采量按面积均摊；为负处表示含水层被超采。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Net balance raster (mm/a, GeoTIFF)</source>
            <translation>采补差栅格（mm/年，GeoTIFF）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" line="300" />
            <source>Net balance raster: {0} cells, {1:.1f} % mined (negative), range {2:.1f} to {3:.1f} mm/a.</source>
            <translation>采补差栅格：{0} 个像元，{1:.1f}% 为超采（负值），范围 {2:.1f} 至 {3:.1f} mm/年。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Over-extraction</source>
            <translation>地下水超采</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>PNG files (*.png)</source>
            <translation>PNG 文件 (*.png)</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Per assessment unit (township, zone…) or square grid cell: abstraction of the wells inside, recharge volume, allowable abstraction, extraction coefficient, over-extraction grade and the volume to cut until abstraction and recharge balance (采补平衡, notice 托政发规〔2024〕3号 section 二(一), item 7; grading after GB/T 34968-2017, thresholds from the rules file).

Recharge volume = Σ mm/1000 × true cell area over the unit; cells on the unit's edge count by the exact share of their area inside; cells without data are left out and counted in the log. Wells outside every unit are listed in the log, never silently dropped.</source>
            <translation>按评价单元（乡镇、超采区等）或方格网计算：单元内取水井的开采量、补给量、可开采量、开采系数、超采等级，以及达到采补平衡所需压减的水量（托政发规〔2024〕3号 第二部分（一）第7条；等级划分参照 GB/T 34968-2017，阈值取自规则文件）。

补给水量 = Σ mm/1000 × 单元内像元真实面积；单元边界上的像元按其落在单元内的面积比例精确计算；无数据像元不计入并在日志中统计。不在任何单元内的取水井在日志中列出，绝不静默丢弃。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Per unit (polygons with level_grade, decline_m_per_a) or per station (points: aggregated per unit by median rate).</source>
            <translation>按单元（含 level_grade、decline_m_per_a 的多边形）或按监测站（点：按单元取下降速率中位数）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Problems induced by abstraction (GB/T 34968: land subsidence, ground fissures, springs drying up, vegetation die-back, salinisation). A unit touching one is severe (grade_criterion induced_problems); its cut is at least the rules file's severe_by_other_criteria_min_cut_share of its abstraction.</source>
            <translation>开采引发的环境地质问题（GB/T 34968：地面沉降、地裂缝、泉水断流、植被退化、土地盐渍化）。与之相接的单元判为严重超采（grade_criterion 为 induced_problems）；其压采量至少为开采量乘以规则文件的 severe_by_other_criteria_min_cut_share。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Recharge raster (mm/a)</source>
            <translation>补给量栅格（mm/年）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Text such as '1,200' is read; unreadable or negative values stop the run with the feature named; empty values are reported and not counted.</source>
            <translation>可读取“1,200”等文本；无法识别或为负的值将停止运行并指明要素；空值在日志中列出且不计入。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>The grid covers the wells and the raster.</source>
            <translation>方格网覆盖取水井和栅格范围。</translation>
        </message>
        <message>
            <source>The units with their attributes plus wells_n, area_km2, abstraction_m3, recharge_m3, allowable_m3, extraction_coef (abstraction / allowable; empty when recharge is zero), grade (none / general / severe: general above 1.0, severe above 1.3 by default), reduction_m3 = max(0, abstraction − allowable); with water-level grades also level_grade, decline_m_per_a, final_grade (the worse grade) and grade_criterion (extraction_coef / water_level / both).</source>
            <translation type="vanished">评价单元及其属性，另加 wells_n、area_km2、abstraction_m3、recharge_m3、allowable_m3、extraction_coef（开采量 / 可开采量；补给量为零时为空）、grade（none 未超采 / general 一般 / severe 严重：默认大于 1.0 为一般超采，大于 1.3 为严重超采）、reduction_m3 = max(0, 开采量 − 可开采量)；提供水位等级时另有 level_grade、decline_m_per_a、final_grade（取较重等级）和 grade_criterion（extraction_coef / water_level / both）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>The units with their attributes plus wells_n, area_km2, abstraction_m3, recharge_m3, allowable_m3, extraction_coef (abstraction / allowable; empty when recharge is zero), grade (none / general / severe: general above 1.0, severe above 1.3 by default), reduction_m3 = max(0, abstraction − allowable); with water-level grades also level_grade, decline_m_per_a, final_grade (the worse grade) and grade_criterion (extraction_coef / water_level / both); with induced problems also induced_problems_n (problems touching the unit), final_grade and grade_criterion (induced_problems joined to the others with '+').</source>
            <translation>评价单元及其属性，另加 wells_n、area_km2、abstraction_m3、recharge_m3、allowable_m3、extraction_coef（开采量 / 可开采量；补给量为零时为空）、grade（none 未超采 / general 一般 / severe 严重：默认大于 1.0 为一般超采，大于 1.3 为严重超采）、reduction_m3 = max(0, 开采量 − 可开采量)；提供水位等级时另有 level_grade、decline_m_per_a、final_grade（取较重等级）和 grade_criterion（extraction_coef / water_level / both）；提供开采引发问题时另有 induced_problems_n（与单元相接的问题数）、final_grade 和 grade_criterion（induced_problems 与其他指标以 '+' 相连）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Water-level grades (output of water_level_trend, optional)</source>
            <translation>水位等级（“地下水位趋势”的输出，可选）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" />
            <source>Wells (points)</source>
            <translation>取水井（点）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" line="241" />
            <source>{0} units: {1} severe; total reduction needed {2:.0f} m³/a.</source>
            <translation>共 {0} 个单元，其中严重超采 {1} 个；需压减开采量合计 {2:.0f} m³/年。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>AllocateWaterRightsAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Allocate farm water rights (农业用水权初始分配)</source>
            <translation>农业用水权初始分配</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Allocates agricultural water rights to land-contract parcels (notice 托政发规〔2024〕3号 item 12: 对利用公共供水工程取水的用水户…根据《土地承包经营权证》确定的耕地位置和面积，核定用水指标，发放水权证).

Item 12's scope is users drawing water from public supply works: with PUBLIC_SUPPLY_FIELD only those parcels get a right (the others are kept, with no right and the reason in 'problem'); without it every parcel is taken to be one, and the log says so.

Each parcel's demand is its area (mu) × the irrigation quota of its crop (m³/mu). Where the parcels of a township together ask for more than the township's red line, every parcel there is scaled by the same factor min(1, red line / demand), reported in the log, so the township's rights add up to its red line.

Stops with a message naming the parcels and the field when a crop has no quota (the known crops are listed), an area or contract number is missing, or a township with parcels has no red line. Parcels whose township is not in the townships layer are kept and listed in a warning, with no right and the reason in 'problem'.</source>
            <translation>向承包耕地地块分配农业用水权（托政发规〔2024〕3号 第12条：对利用公共供水工程取水的用水户…根据《土地承包经营权证》确定的耕地位置和面积，核定用水指标，发放水权证）。

第12条的范围是利用公共供水工程取水的用水户：提供“是否利用公共供水工程”字段时，只有这些地块分配水权（其余地块予以保留，不分配水权，原因写入 problem 字段）；未提供时所有地块均按此类用水户处理，并在日志中说明。

每个地块的需水量 = 面积（亩）× 该作物的灌溉定额（m³/亩）。某乡镇地块需水量合计超过该乡镇用水总量控制红线时，该乡镇所有地块按同一系数 min(1, 红线 / 需水量) 核减（在日志中报告），使该乡镇水权合计等于其红线。

作物没有定额（会列出已知作物）、缺少面积或合同编号、有地块的乡镇没有红线时，停止运行并指明地块和字段。所属乡镇不在乡镇图层中的地块予以保留并在警告中列出，不分配水权，原因写入 problem 字段。</translation>
        </message>
        <message>
            <source>Allocates agricultural water rights to land-contract parcels (notice 托政发规〔2024〕3号 item 12: 根据《土地承包经营权证》确定的耕地位置和面积，核定用水指标，发放水权证).

Each parcel's demand is its area (mu) × the irrigation quota of its crop (m³/mu). Where the parcels of a township together ask for more than the township's red line, every parcel there is scaled by the same factor min(1, red line / demand), reported in the log, so the township's rights add up to its red line.

Parameters:
• PARCELS: farmland parcels (polygons).
• CONTRACT_FIELD (contract_no), HOUSEHOLD_FIELD (household, optional), CROP_FIELD (crop).
• AREA_FIELD (area_mu): area in mu; leave empty to measure the polygons in a metric CRS (1 mu = 666.6667 m², rules file).
• TOWNSHIP_FIELD (township): the parcel's township; leave empty to find it by location in TOWNSHIPS.
• TOWNSHIPS (optional): township polygons with TOWNSHIP_NAME_FIELD (name_zh) and RED_LINE_FIELD (red_line_m3; choose remaining_m3 to allocate only what other uses leave). Without it nothing is scaled. TOWNSHIP_CODE_FIELD (optional) gives the code that starts each certificate number (default: the township name).
• QUOTAS (optional table): QUOTA_CROP_FIELD (crop) → QUOTA_FIELD (m3_per_mu), overriding the rules file's water_rights.irrigation_quota_m3_per_mu.
• RULES: optional rules file (quotas, crop spellings, mu).

Stops with a message naming the parcels and the field when a crop has no quota (the known crops are listed), an area or contract number is missing, or a township with parcels has no red line. Parcels whose township is not in TOWNSHIPS are kept and listed in a warning, with no right and the reason in 'problem'.

Outputs:
• OUTPUT (certificate list): the parcels plus quota_m3_per_mu, demand_m3 (= area × quota), scale_factor, right_m3 (= demand × factor), certificate_no (township code-contract no.; parcels of one contract share it) and problem; area_mu too when measured from geometry.
• OUTPUT_TOWNSHIPS: township, parcels_n, area_mu, demand_m3, red_line_m3, scale_factor, allocated_m3 (with the township polygons when TOWNSHIPS is given).</source>
            <translation type="vanished">向承包耕地地块分配农业用水权（托政发规〔2024〕3号 第12条：根据《土地承包经营权证》确定的耕地位置和面积，核定用水指标，发放水权证）。

每个地块的需水量 = 面积（亩）× 该作物的灌溉定额（m³/亩）。某乡镇地块需水量合计超过该乡镇用水总量控制红线时，该乡镇所有地块按同一系数 min(1, 红线 / 需水量) 核减（在日志中报告），使该乡镇水权合计等于其红线。

参数：
• PARCELS：耕地地块（多边形）。
• CONTRACT_FIELD（contract_no）、HOUSEHOLD_FIELD（household，可选）、CROP_FIELD（crop）。
• AREA_FIELD（area_mu）：面积（亩）；留空则在米制坐标系中量算多边形面积（1 亩 = 666.6667 m²，见规则文件）。
• TOWNSHIP_FIELD（township）：地块所属乡镇；留空则按位置在 TOWNSHIPS 中查找。
• TOWNSHIPS（可选）：乡镇多边形，含 TOWNSHIP_NAME_FIELD（name_zh）和 RED_LINE_FIELD（red_line_m3；选 remaining_m3 则只分配其他用水剩余的指标）。未提供时不核减。TOWNSHIP_CODE_FIELD（可选）作为水权证编号的前缀（默认：乡镇名称）。
• QUOTAS（可选表格）：QUOTA_CROP_FIELD（crop）→ QUOTA_FIELD（m3_per_mu），覆盖规则文件中的 water_rights.irrigation_quota_m3_per_mu。
• RULES：可选规则文件（定额、作物名称写法、亩）。

作物没有定额（会列出已知作物）、缺少面积或合同编号、有地块的乡镇没有红线时，停止运行并指明地块和字段。所属乡镇不在 TOWNSHIPS 中的地块予以保留并在警告中列出，不分配水权，原因写入 problem 字段。

输出：
• OUTPUT（水权证清单）：地块及 quota_m3_per_mu、demand_m3（= 面积 × 定额）、scale_factor、right_m3（= 需水量 × 系数）、certificate_no（乡镇代码-合同编号；同一合同的地块共用一证）和 problem；按几何量算面积时另有 area_mu。
• OUTPUT_TOWNSHIPS：township、parcels_n、area_mu、demand_m3、red_line_m3、scale_factor、allocated_m3（提供 TOWNSHIPS 时带乡镇多边形）。</translation>
        </message>
        <message>
            <source>Allocates agricultural water rights to land-contract parcels (notice 托政发规〔2024〕3号 item 12: 根据《土地承包经营权证》确定的耕地位置和面积，核定用水指标，发放水权证).

Each parcel's demand is its area (mu) × the irrigation quota of its crop (m³/mu). Where the parcels of a township together ask for more than the township's red line, every parcel there is scaled by the same factor min(1, red line / demand), reported in the log, so the township's rights add up to its red line.

Stops with a message naming the parcels and the field when a crop has no quota (the known crops are listed), an area or contract number is missing, or a township with parcels has no red line. Parcels whose township is not in the townships layer are kept and listed in a warning, with no right and the reason in 'problem'.</source>
            <translation type="vanished">向承包耕地地块分配农业用水权（托政发规〔2024〕3号 第12条：根据《土地承包经营权证》确定的耕地位置和面积，核定用水指标，发放水权证）。

每个地块的需水量 = 面积（亩）× 该作物的灌溉定额（m³/亩）。某乡镇地块需水量合计超过该乡镇用水总量控制红线时，该乡镇所有地块按同一系数 min(1, 红线 / 需水量) 核减（在日志中报告），使该乡镇水权合计等于其红线。

作物没有定额（会列出已知作物）、缺少面积或合同编号、有地块的乡镇没有红线时，停止运行并指明地块和字段。所属乡镇不在乡镇图层中的地块予以保留并在警告中列出，不分配水权，原因写入 problem 字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Area field (mu; empty = measure the polygons)</source>
            <translation>面积字段（亩；留空 = 按多边形量算）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Basic ecological water share of the red line, set aside first (0–1; empty = rules file)</source>
            <translation>红线中优先预留的基本生态用水比例（0–1；留空 = 规则文件）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Bookkeeping</source>
            <translation>计量与收费</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Choose remaining_m3 to allocate only what other uses leave.</source>
            <translation>选择 remaining_m3 则只分配其他用水剩余的指标。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Contract number field</source>
            <translation>承包合同编号字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Crop field</source>
            <translation>作物字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Domestic water share of the red line, set aside first (0–1; empty = rules file)</source>
            <translation>红线中优先预留的生活用水比例（0–1；留空 = 规则文件）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Farmland parcels (land-contract)</source>
            <translation>承包耕地地块</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Household field</source>
            <translation>农户字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Irrigation quota table (crop → m³/mu; empty = rules file)</source>
            <translation>灌溉定额表（作物 → m³/亩；留空 = 规则文件）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Item 12 allocates to 利用公共供水工程取水的用水户: parcels whose user does not draw from public supply works (否), or whose value is empty, get no right and do not count in their township's demand.</source>
            <translation>第12条针对利用公共供水工程取水的用水户：用水户不利用公共供水工程取水（否）或该值为空的地块不分配水权，也不计入所在乡镇的需水量。</translation>
        </message>
        <message>
            <source>Layer '{0}' has no field '{1}': {2}.</source>
            <translation type="vanished">图层“{0}”没有字段“{1}”：{2}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" line="146" />
            <source>No township field and no townships layer: rights are not grouped or scaled.</source>
            <translation>无乡镇字段也无乡镇图层：水权不分组、不核减。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Notice item 7: 坚持优质水资源优先保障城乡居民生活用水. Empty = rules file (an assumption). Set 0 when the red-line field already holds what is left for farming, e.g. remaining_m3.</source>
            <translation>通知第7条：坚持优质水资源优先保障城乡居民生活用水。留空 = 规则文件（假设值）。红线字段已是扣除其他用水后留给农业的水量（如 remaining_m3）时设为 0。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Notice items 3 and 7: 确定生态用水比例; 禁止挤占基本生态用水. Empty = rules file (an assumption). Set 0 when the red-line field already holds what is left for farming, e.g. remaining_m3.</source>
            <translation>通知第3条和第7条：确定生态用水比例；禁止挤占基本生态用水。留空 = 规则文件（假设值）。红线字段已是扣除其他用水后留给农业的水量（如 remaining_m3）时设为 0。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Overrides the rules file's water_rights.irrigation_quota_m3_per_mu.</source>
            <translation>覆盖规则文件中的 water_rights.irrigation_quota_m3_per_mu。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Parcels with a water right</source>
            <translation>已分配水权的地块数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Parcels without a water right</source>
            <translation>未分配水权的地块数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Polygons are measured in a metric CRS (1 mu = 666.6667 m², rules file).</source>
            <translation>在米制坐标系中量算多边形面积（1 亩 = 666.6667 m²，见规则文件）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Quota table: crop field</source>
            <translation>定额表：作物字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Quota table: quota field (m³/mu)</source>
            <translation>定额表：定额字段（m³/亩）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" line="172" />
            <source>Quota {0}: {1:g} m³/mu ({2})</source>
            <translation>{0} 定额：{1:g} m³/亩（{2}）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Red line field (m³/a)</source>
            <translation>红线指标字段（m³/年）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>The parcels plus quota_m3_per_mu, demand_m3 (= area × quota), scale_factor, right_m3 (= demand × factor), certificate_no (township code-contract no.; parcels of one contract share it) and problem; area_mu too when measured from geometry.</source>
            <translation>地块及 quota_m3_per_mu、demand_m3（= 面积 × 定额）、scale_factor、right_m3（= 需水量 × 系数）、certificate_no（乡镇代码-合同编号；同一合同的地块共用一证）和 problem；按几何量算面积时另有 area_mu。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" line="156" />
            <source>The red-line field is remaining_m3, which is already net of other uses, yet shares of it are set aside for domestic and ecological water: they may be set aside twice. Set DOMESTIC_SHARE and ECOLOGICAL_SHARE to 0 unless remaining_m3 still includes them.</source>
            <translation>红线字段为 remaining_m3，已扣除其他用水，却仍按比例从中预留生活和生态用水：这部分水可能被重复预留。除非 remaining_m3 仍包含这两项用水，请将 DOMESTIC_SHARE 和 ECOLOGICAL_SHARE 设为 0。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Township code field (starts the certificate number; empty = name)</source>
            <translation>乡镇代码字段（水权证编号前缀；留空 = 乡镇名称）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Township field (empty = find by location)</source>
            <translation>乡镇字段（留空 = 按位置查找）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Township name field</source>
            <translation>乡镇名称字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Townships with red lines (empty = no scaling)</source>
            <translation>含红线指标的乡镇（留空 = 不核减）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>User of public supply works field (yes/no, 是/否) — item 12's scope</source>
            <translation>是否利用公共供水工程取水字段（是/否）——第12条范围</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Water rights allocated in total (m³/a)</source>
            <translation>分配水权合计（m³/年）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Water rights per parcel (certificate list)</source>
            <translation>各地块水权（水权证清单）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>Water rights per township</source>
            <translation>各乡镇水权</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>areas are measured from the polygons</source>
            <translation>面积按多边形量算</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>every parcel is taken to be a user of public supply works, and the log says so</source>
            <translation>所有地块均按利用公共供水工程取水的用水户处理，并在日志中说明</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>households are not checked</source>
            <translation>不核对农户</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>township, parcels_n, area_mu, demand_m3, red_line_m3, scale_factor, allocated_m3 (with the township polygons when a townships layer is given).</source>
            <translation>township、parcels_n、area_mu、demand_m3、red_line_m3、scale_factor、allocated_m3（提供乡镇图层时带乡镇多边形）。</translation>
        </message>
        <message>
            <source>townships are found by location in TOWNSHIPS</source>
            <translation type="vanished">按位置在 TOWNSHIPS 中查找乡镇</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" />
            <source>townships are found by location in the townships layer</source>
            <translation>按位置在乡镇图层中查找所属乡镇</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" line="227" />
            <source>{0} parcel(s) allocated {1:,.0f} m³ in total; {2} parcel(s) without a right.</source>
            <translation>{0} 个地块共分配 {1:,.0f} m³；{2} 个地块未获水权。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>ComplianceAuditAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>A well inside a polygon is inside public supply coverage. Give pipes, areas or both.</source>
            <translation>位于多边形内的井即在公共供水管网覆盖范围内。提供管网、覆盖范围或两者。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>A well within the coverage distance of a pipe is inside public supply coverage (notice item 13).</source>
            <translation>距管网在覆盖距离以内的井即在公共供水管网覆盖范围内（通知第13条）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Account field of the power table</source>
            <translation>电力台账的户号字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Audit date (empty = today; 2026-11-28 or 2026/11/28)</source>
            <translation>检查日期（留空 = 今天；2026-11-28 或 2026/11/28）</translation>
        </message>
        <message>
            <source>Audits a well register against notice 托政发规〔2024〕3号 on an audit date and writes one point per finding: well_id, finding, notice_item, detail (a sentence for the inspector), severity, with the well's location (plus township and use).

Findings (notice item and severity from the rules file's compliance section):
• no_meter (item 9): an active well without a working meter, or with no reading.
• over_permit (item 10): metered volume above the permitted volume.
• no_permit (item 18): an active well without a permit number.
• stopped_not_deregistered (item 11): abstraction stopped MORE than 30 days (rules: compliance.deregistration_deadline_days) before AUDIT_DATE and the well not deregistered. Day 30 is still within the deadline; day 31 is a finding.
• depth_over_permit (item 11): drilled deeper than permitted.
• self_supplied_in_coverage (item 13): a self-supplied well (not deregistered) inside public supply coverage — within COVERAGE_DISTANCE of a SUPPLY_PIPES line or inside a SUPPLY_AREAS polygon, as well-site screening defines it. Needs at least one supply layer.
• power_without_permit (item 16): kWh &gt; 0 and no permit; kWh from the POWER table per account when given, else from the wells' KWH_FIELD.

A well is deregistered when its deregistration date is on or before AUDIT_DATE (or its status says so without a date), stopped likewise; active otherwise.

Parameters: WELLS (points) and one field parameter per attribute, defaulting to the sample layer's names (well_id, has_meter, metered_m3, permit_no, permit_m3, status, stopped_on, deregistered_on, depth_m, permitted_depth_m, self_supplied, power_account, kwh, use, township). A field left at its default that the layer lacks, or set empty, skips the checks that need it (the log says which). AUDIT_DATE: empty = today; '2026-11-28' or '2026/11/28'. Date fields may hold dates or text ('2024-03-05', '2024/3/5'); anything else stops with a message naming the feature. SUPPLY_PIPES, COVERAGE_DISTANCE (m; empty = rules screening.default_coverage_distance_m), SUPPLY_AREAS, POWER with POWER_ACCOUNT_FIELD, POWER_KWH_FIELD, POWER_PERIOD_FIELD and PERIOD (as in electricity_to_water), RULES.

Outputs: OUTPUT (findings, styled by severity) and OUTPUT_SUMMARY (optional table: per township findings_n and the count of each finding).</source>
            <translation type="vanished">按检查日期对照托政发规〔2024〕3号检查取水井登记台账，每个问题输出一个点：well_id、finding、notice_item、detail（供检查人员使用的说明）、severity，位置为该井位置（另含乡镇和用途）。

问题类型（通知条款和严重程度取自规则文件 compliance 部分）：
• no_meter（第9条）：在用井未安装正常计量设施或无读数。
• over_permit（第10条）：计量水量超过许可水量。
• no_permit（第18条）：在用井无取水许可证号。
• stopped_not_deregistered（第11条）：停止取水已超过 30 日（规则：compliance.deregistration_deadline_days）至 AUDIT_DATE 仍未注销。第 30 日仍在期限内，第 31 日即为问题。
• depth_over_permit（第11条）：成井深度超过批准深度。
• self_supplied_in_coverage（第13条）：位于公共供水管网覆盖范围内的自备井（未注销）——与井址筛查的定义相同：距 SUPPLY_PIPES 管线 COVERAGE_DISTANCE 以内或位于 SUPPLY_AREAS 多边形内。至少需要一个供水图层。
• power_without_permit（第16条）：用电量 &gt; 0 且无取水许可；用电量按户号取自 POWER 表（如提供），否则取自取水井的 KWH_FIELD。

注销日期在 AUDIT_DATE 当日或之前（或无日期但状态为注销）的井视为已注销，停用同理，其余为在用。

参数：WELLS（点）以及每个属性对应一个字段参数，默认取示例图层的字段名（well_id、has_meter、metered_m3、permit_no、permit_m3、status、stopped_on、deregistered_on、depth_m、permitted_depth_m、self_supplied、power_account、kwh、use、township）。保留默认值而图层中没有该字段、或设为空的，跳过需要该字段的检查（日志中说明）。AUDIT_DATE：留空 = 今天；格式为“2026-11-28”或“2026/11/28”。日期字段可为日期或文本（“2024-03-05”“2024/3/5”）；其他内容将停止运行并指明要素。SUPPLY_PIPES、COVERAGE_DISTANCE（米；留空 = 规则 screening.default_coverage_distance_m）、SUPPLY_AREAS、POWER 及 POWER_ACCOUNT_FIELD、POWER_KWH_FIELD、POWER_PERIOD_FIELD 和 PERIOD（同“以电折水”），RULES。

输出：OUTPUT（问题点，按严重程度着色）和 OUTPUT_SUMMARY（可选表格：各乡镇 findings_n 及各类问题数量）。</translation>
        </message>
        <message>
            <source>Audits a well register against notice 托政发规〔2024〕3号 on an audit date and writes one point per finding: well_id, finding, notice_item, detail (a sentence for the inspector), severity, with the well's location (plus township and use).

Findings (notice item and severity from the rules file's compliance section):
• no_meter (item 9): an active well without a working meter, or with no reading.
• over_permit (item 10): metered volume above the permitted volume.
• no_permit (item 18): an active well without a permit number.
• stopped_not_deregistered (item 11): abstraction stopped MORE than 30 days (rules: compliance.deregistration_deadline_days) before the audit date and the well not deregistered. Day 30 is still within the deadline; day 31 is a finding.
• depth_over_permit (item 11): drilled deeper than permitted.
• self_supplied_in_coverage (item 13): a self-supplied well (not deregistered) inside public supply coverage — within the coverage distance of a supply pipe or inside a supply area, as well-site screening defines it. Needs at least one supply layer.
• power_without_permit (item 16): kWh &gt; 0 and no permit; kWh from the power table per account when given, else from the wells' kWh field.

A well is deregistered when its deregistration date is on or before the audit date (or its status says so without a date), stopped likewise; active otherwise. Date fields may hold dates or text ('2024-03-05', '2024/3/5'); anything else stops with a message naming the feature.</source>
            <translation type="vanished">按检查日期对照托政发规〔2024〕3号检查取水井登记台账，每个问题输出一个点：well_id、finding、notice_item、detail（供检查人员使用的说明）、severity，位置为该井位置（另含乡镇和用途）。

问题类型（通知条款和严重程度取自规则文件 compliance 部分）：
• no_meter（第9条）：在用井未安装正常计量设施或无读数。
• over_permit（第10条）：计量水量超过许可水量。
• no_permit（第18条）：在用井无取水许可证号。
• stopped_not_deregistered（第11条）：停止取水已超过 30 日（规则：compliance.deregistration_deadline_days）至检查日期仍未注销。第 30 日仍在期限内，第 31 日即为问题。
• depth_over_permit（第11条）：成井深度超过批准深度。
• self_supplied_in_coverage（第13条）：位于公共供水管网覆盖范围内的自备井（未注销）——与井址筛查的定义相同：距供水管网在覆盖距离以内或位于供水覆盖范围多边形内。至少需要一个供水图层。
• power_without_permit（第16条）：用电量 &gt; 0 且无取水许可；用电量按户号取自电力台账表（如提供），否则取自取水井的用电量字段。

注销日期在检查日期当日或之前（或无日期但状态为注销）的井视为已注销，停用同理，其余为在用。日期字段可为日期或文本（“2024-03-05”“2024/3/5”）；其他内容将停止运行并指明要素。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Audits a well register against notice 托政发规〔2024〕3号 on an audit date and writes one point per finding: well_id, finding, notice_item, detail (a sentence for the inspector), severity, with the well's location (plus township and use).

Findings (notice item and severity from the rules file's compliance section):
• no_meter (item 9): an active well without a working meter, or with no reading.
• over_permit (item 10): metered volume above the permitted volume.
• no_permit (item 18): an active well without a permit number.
• stopped_not_deregistered (item 11): abstraction stopped MORE than 30 days (rules: compliance.deregistration_deadline_days) before the audit date and the well not deregistered. Day 30 is still within the deadline; day 31 is a finding.
• depth_over_permit (item 11): drilled deeper than permitted.
• self_supplied_in_coverage (item 13): a self-supplied well (not deregistered) inside public supply coverage — within the coverage distance of a supply pipe or inside a supply area, as well-site screening defines it. Needs at least one supply layer.
• power_without_permit (item 16): kWh &gt; 0 and no permit; kWh from the power table per account when given, else from the wells' kWh field.
• deregistered_late (item 11): deregistered, but after the 30-day deadline from the stop (moved off rest days by the rules file's holiday table).
• deregistered_not_sealed (item 11): deregistered and not sealed (封填) on the audit date. Needs the sealing field (a date, or yes/no).
• over_quota (items 10, 13): metered volume above the well's quota volume (定额水量): its own quota field, else its use's quota in the rules file (compliance.use_quotas) times its quota units (mu, persons, head).
• power_while_stopped (item 16): power drawn in periods after the well was stopped or deregistered. Needs the POWER table with a period field.
• power_outside_irrigation_season (item 16): an irrigation well drawing power outside the irrigation season (rules: compliance.irrigation_season). Needs the POWER table with a period field.
• power_account_without_well (item 16): an account of the POWER table that no well names, a possibly unregistered well. Written without geometry and without well_id.

A check whose fields the layer lacks is skipped, and the log says so.

A well is deregistered when its deregistration date is on or before the audit date (or its status says so without a date), stopped likewise; active otherwise. Date fields may hold dates or text ('2024-03-05', '2024/3/5'); anything else stops with a message naming the feature.</source>
            <translation>按检查日期对照托政发规〔2024〕3号检查取水井登记台账，每个问题输出一个点：well_id、finding、notice_item、detail（供检查人员使用的说明）、severity，位置为该井位置（另含乡镇和用途）。

问题类型（通知条款和严重程度取自规则文件 compliance 部分）：
• no_meter（第9条）：在用井未安装正常计量设施或无读数。
• over_permit（第10条）：计量水量超过许可水量。
• no_permit（第18条）：在用井无取水许可证号。
• stopped_not_deregistered（第11条）：停止取水已超过 30 日（规则：compliance.deregistration_deadline_days）至检查日期仍未注销。第 30 日仍在期限内，第 31 日即为问题。
• depth_over_permit（第11条）：成井深度超过批准深度。
• self_supplied_in_coverage（第13条）：位于公共供水管网覆盖范围内的自备井（未注销）——与井址筛查的定义相同：距供水管网在覆盖距离以内或位于供水覆盖范围多边形内。至少需要一个供水图层。
• power_without_permit（第16条）：用电量 &gt; 0 且无取水许可；用电量按户号取自电力台账表（如提供），否则取自取水井的用电量字段。
• deregistered_late（第11条）：已注销，但晚于自停止取水起 30 日的期限（遇节假日按规则文件的节假日表顺延）。
• deregistered_not_sealed（第11条）：检查日期时已注销但未封填。需要封填字段（日期，或 是/否）。
• over_quota（第10、13条）：计量水量超过该井的定额水量：取该井自身的定额字段，否则取规则文件中该用途的定额（compliance.use_quotas）乘以定额单位数（亩、人、头）。
• power_while_stopped（第16条）：取水井停用或注销之后的时段仍有用电。需要带时段字段的电力台账表（POWER）。
• power_outside_irrigation_season（第16条）：农灌井在灌溉期外用电（规则：compliance.irrigation_season）。需要带时段字段的电力台账表（POWER）。
• power_account_without_well（第16条）：电力台账表中没有任何取水井对应的用电户号，可能为未登记的井。输出时无几何、无 well_id。

图层缺少某项检查所需字段时跳过该检查，并在日志中说明。

注销日期在检查日期当日或之前（或无日期但状态为注销）的井视为已注销，停用同理，其余为在用。日期字段可为日期或文本（“2024-03-05”“2024/3/5”）；其他内容将停止运行并指明要素。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Bookkeeping</source>
            <translation>计量与收费</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Compliance audit of wells (合规检查)</source>
            <translation>取水井合规检查</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Compliance findings</source>
            <translation>合规检查问题</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Coverage distance from a pipe (empty = rules file)</source>
            <translation>距管网的覆盖距离（留空 = 规则文件）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Date abstraction stopped — item 11</source>
            <translation>停止取水日期——第11条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Date deregistered — item 11</source>
            <translation>注销日期——第11条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Date sealed (封填), or yes/no — item 11</source>
            <translation>封填日期，或 是/否 — 第11条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Drilled depth field (m) — item 11</source>
            <translation>成井深度字段（m）——第11条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Findings per township</source>
            <translation>各乡镇问题汇总</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Has a working meter field (yes/no) — item 9</source>
            <translation>计量设施是否正常字段（是/否）——第9条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>In metres; empty takes the rules file's screening.default_coverage_distance_m.</source>
            <translation>单位为米；留空则取规则文件的 screening.default_coverage_distance_m。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Language of the findings</source>
            <translation>问题说明的语言</translation>
        </message>
        <message>
            <source>Layer '{0}' has no field '{1}' ({2}). Its fields are: {3}.</source>
            <translation type="vanished">图层“{0}”没有字段“{1}”（{2}）。该图层的字段有：{3}。</translation>
        </message>
        <message>
            <source>Layer '{0}' has no field '{1}' ({2}): the checks that need it are skipped.</source>
            <translation type="vanished">图层“{0}”没有字段“{1}”（{2}）：跳过依赖该字段的检查。</translation>
        </message>
        <message>
            <source>Layer '{0}' has no field '{1}' for the well id. Its fields are: {2}.</source>
            <translation type="vanished">图层“{0}”没有井编号字段“{1}”。该图层的字段有：{2}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Metered volume field (m³) — items 9, 10</source>
            <translation>计量水量字段（m³）——第9、10条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Number of findings</source>
            <translation>问题数量</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>One point per finding, styled by severity.</source>
            <translation>每个问题一个点，按严重程度着色。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Only power rows of this period count; '2025' also takes sub-periods such as '2025-03'. Empty: every row counts (the log warns when the table holds several periods).</source>
            <translation>只统计该期间的用电记录；“2025”也包括“2025-03”等子期间。留空：统计全部记录（表中含多个期间时日志会提示）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Per township findings_n and the count of each finding.</source>
            <translation>各乡镇 findings_n 及各类问题数量。</translation>
        </message>
        <message>
            <source>Period field of the power table</source>
            <translation type="vanished">电力台账的期间字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Period field of the power table (empty = none)</source>
            <translation>电力台账的期间字段（留空 = 无）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Period to take (empty = all rows)</source>
            <translation>统计期间（留空 = 全部记录）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Permit number field — items 16, 18</source>
            <translation>取水许可证号字段——第16、18条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Permitted depth field (m) — item 11</source>
            <translation>批准井深字段（m）——第11条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Permitted volume field (m³) — item 10</source>
            <translation>许可水量字段（m³）——第10条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Power account field — item 16</source>
            <translation>电力户号字段——第16条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Power accounts (table)</source>
            <translation>电力台账（表格）</translation>
        </message>
        <message>
            <source>Power accounts table (item 16)</source>
            <translation type="vanished">电力台账表（第16条）</translation>
        </message>
        <message>
            <source>Power period to take (empty = all rows)</source>
            <translation type="vanished">用电统计期间（留空 = 全部记录）</translation>
        </message>
        <message>
            <source>Public supply coverage areas (item 13)</source>
            <translation type="vanished">公共供水管网覆盖范围（第13条）</translation>
        </message>
        <message>
            <source>Public supply pipes (item 13)</source>
            <translation type="vanished">公共供水管网（第13条）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Public supply pipes (lines)</source>
            <translation>公共供水管网（线）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Quota units field (mu / persons / head) — items 10, 13</source>
            <translation>定额单位数字段（亩 / 人 / 头）— 第10、13条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Quota volume field (m³, 定额水量) — items 10, 13</source>
            <translation>定额水量字段（m³）— 第10、13条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Self-supplied well field (yes/no) — item 13</source>
            <translation>是否自备井字段（是/否）——第13条</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Status field (active / stopped / deregistered)</source>
            <translation>状态字段（在用 / 停用 / 注销）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Supply coverage areas (polygons)</source>
            <translation>供水覆盖范围（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>The language of the detail sentences and of the log; default: the QGIS interface language.</source>
            <translation>问题说明和日志所用的语言；默认为 QGIS 界面语言。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Township field (summary)</source>
            <translation>乡镇字段（汇总）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Use field (copied to the findings)</source>
            <translation>用途字段（复制到问题清单）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Well id field</source>
            <translation>井编号字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>Wells</source>
            <translation>取水井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>deregistered wells are not checked for sealing (deregistered_not_sealed)</source>
            <translation>不检查已注销井是否封填（deregistered_not_sealed）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>every row of the power table counts</source>
            <translation>电力台账的全部记录均计入</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>kWh are summed per account; text or negative kWh stop the run naming the feature.</source>
            <translation>用电量按户号汇总；用电量为文本或负值时停止运行并指明要素。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>kWh field of the power table</source>
            <translation>电力台账的用电量（kWh）字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>kWh field of the wells (used when no POWER table) — item 16</source>
            <translation>取水井的用电量（kWh）字段（无 POWER 表时使用）——第16条</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>the checks that need it are skipped</source>
            <translation>跳过需要该字段的检查</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>the use's quota in the rules file is not used (over_quota)</source>
            <translation>不使用规则文件中该用途的定额（over_quota）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" />
            <source>wells have no quota volume of their own (over_quota uses the use's quota when it can)</source>
            <translation>取水井无自身的定额水量（over_quota 在可行时使用该用途的定额）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>ElectricityToWaterAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Account field of the power table</source>
            <translation>电力台账的户号字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>An account feeding several wells is split equally between them (and named in the log).</source>
            <translation>一个户号对应多眼井时平均分摊（并在日志中列出）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Aquifer field (calibration groups; empty = township only)</source>
            <translation>含水层字段（率定分组；留空 = 仅按乡镇）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Bookkeeping</source>
            <translation>计量与收费</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" line="126" />
            <source>Chart written to {0}</source>
            <translation>图表已写入 {0}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Chart: estimated vs metered vs permitted per township (PNG)</source>
            <translation>图表：各乡镇折算水量、计量水量与许可水量对比（PNG）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" line="130" />
            <source>County: {0:,.0f} kWh → {1:,.0f} m³ estimated; metered {2:,.0f} m³; permitted {3:,.0f} m³</source>
            <translation>全县：用电 {0:,.0f} kWh → 折算水量 {1:,.0f} m³；计量水量 {2:,.0f} m³；许可水量 {3:,.0f} m³</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Empty = no permit.</source>
            <translation>空 = 无许可。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Empty or 0 = not tested.</source>
            <translation>空或 0 = 未做抽水试验。</translation>
        </message>
        <message>
            <source>Estimates each well's abstraction from its power account (以电折水) and raises the well–electricity dual-control flags of notice 托政发规〔2024〕3号 item 16 (井电双控).

estimated_m3 = kWh × coefficient (m³/kWh). A well with a pump-tested coefficient uses it (coef_source 'tested'). Otherwise a coefficient is calibrated from wells that have both a working meter with a reading and kWh: the median of metered m³ / kWh per township and aquifer ('calibrated_township_aquifer'), else per township ('calibrated_township'), else for the county ('calibrated_county'); 'none' when there is nothing to calibrate from. The median keeps a broken meter from moving everyone's estimate; calib_spread is the median absolute deviation (MAD, m³/kWh) of the ratios used and calib_n their number.

Parameters:
• WELLS: point layer of wells.
• WELL_ID_FIELD (well_id), ACCOUNT_FIELD (power_account), COEF_FIELD (m3_per_kwh; empty or 0 = not tested), METERED_FIELD (metered_m3), HAS_METER_FIELD (has_meter; yes/no, 1/0, 是/否), PERMIT_FIELD (permit_no; empty = no permit), PERMIT_M3_FIELD (permit_m3), TOWNSHIP_FIELD (township), AQUIFER_FIELD (aquifer, optional).
• POWER: table of power accounts; POWER_ACCOUNT_FIELD (account), POWER_KWH_FIELD (kwh), POWER_PERIOD_FIELD (period, optional). kWh are summed per account; an account feeding several wells is split equally between them (and named in the log).
• PERIOD: optional; only power rows of this period count. '2025' also takes sub-periods such as '2025-03'. Empty: every row counts (the log warns when the table holds several periods).
• MISMATCH_SHARE: share of the metered volume by which the estimate may differ before meter_vs_power_mismatch is raised (0.2 = 20 %; exactly 20 % is not a mismatch). Empty: the rules file's compliance.meter_vs_power_mismatch_share.
• RULES: optional rules file (plausible coefficients, mismatch share, minimum wells per calibration group).

Outputs:
• OUTPUT: the wells plus kwh, coef_used, coef_source, calib_spread, calib_n, estimated_m3, approved_kwh (= permit_m3 / coefficient: the power that may be sold), flags (';'-separated) and one 0/1 field per flag: power_without_permit (kWh &gt; 0, no permit: illegal abstraction), permit_without_power_link (a permit, but no account or an account not in POWER), over_approved_kwh (kWh &gt; approved_kwh), meter_vs_power_mismatch (|estimated − metered| &gt; share × metered, wells with a working meter).
• OUTPUT_SUMMARY (optional table): per township wells_n, kwh, estimated_m3, metered_m3, permit_m3 and the number of wells with each flag.
• CHART (optional PNG): estimated vs metered vs permitted volume per township.

The log names power accounts linked to no well (possible unregistered wells), wells whose account is not in the power table, the calibration groups and the wells that got a calibrated coefficient, and coefficients outside the plausible range. Text or negative kWh stop the run with a message naming the layer, feature and field.</source>
            <translation type="vanished">根据电力户号以电折水估算每眼井的取水量，并按托政发规〔2024〕3号 第16条（井电双控、以电折水）给出预警标记。

estimated_m3 = 用电量（kWh）× 折算系数（m³/kWh）。有抽水试验系数的井直接使用（coef_source 为 tested）。否则用同时具有正常计量读数和用电量的井率定系数：按乡镇和含水层取“计量水量 / 用电量”的中位数（calibrated_township_aquifer），否则按乡镇（calibrated_township），否则按全县（calibrated_county）；无可率定数据时为 none。采用中位数可避免个别损坏的水表影响全部估算；calib_spread 为所用比值的中位数绝对偏差（MAD，m³/kWh），calib_n 为其个数。

参数：
• WELLS：取水井点图层。
• WELL_ID_FIELD（well_id）、ACCOUNT_FIELD（power_account）、COEF_FIELD（m3_per_kwh；空或 0 = 未做抽水试验）、METERED_FIELD（metered_m3）、HAS_METER_FIELD（has_meter；yes/no、1/0、是/否）、PERMIT_FIELD（permit_no；空 = 无许可）、PERMIT_M3_FIELD（permit_m3）、TOWNSHIP_FIELD（township）、AQUIFER_FIELD（aquifer，可选）。
• POWER：电力台账表；POWER_ACCOUNT_FIELD（account）、POWER_KWH_FIELD（kwh）、POWER_PERIOD_FIELD（period，可选）。用电量按户号汇总；一个户号对应多眼井时平均分摊（并在日志中列出）。
• PERIOD：可选；只统计该期间的用电记录。“2025”也包括“2025-03”等子期间。留空：统计全部记录（表中含多个期间时日志会提示）。
• MISMATCH_SHARE：估算水量与计量水量允许的偏差比例，超过即标记 meter_vs_power_mismatch（0.2 = 20%；恰好 20% 不算偏差）。留空：规则文件的 compliance.meter_vs_power_mismatch_share。
• RULES：可选规则文件（合理系数范围、偏差比例、每个率定组的最少井数）。

输出：
• OUTPUT：取水井及 kwh、coef_used、coef_source、calib_spread、calib_n、estimated_m3、approved_kwh（= permit_m3 / 系数：可供电量）、flags（以“;”分隔）以及每个标记一个 0/1 字段：power_without_permit（用电量 &gt; 0 且无许可：非法取水）、permit_without_power_link（有许可但无户号或户号不在 POWER 中）、over_approved_kwh（用电量 &gt; approved_kwh）、meter_vs_power_mismatch（有正常计量的井 |估算 − 计量| &gt; 比例 × 计量）。
• OUTPUT_SUMMARY（可选表格）：各乡镇 wells_n、kwh、estimated_m3、metered_m3、permit_m3 及各标记的井数。
• CHART（可选 PNG）：各乡镇估算水量、计量水量与许可水量对比。

日志列出未关联任何井的电力户号（可能为未登记的井）、户号不在电力台账中的井、率定分组及使用率定系数的井，以及超出合理范围的系数。用电量为文本或负值时停止运行，并指明图层、要素和字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Estimates each well's abstraction from its power account (以电折水) and raises the well–electricity dual-control flags of notice 托政发规〔2024〕3号 item 16 (井电双控).

estimated_m3 = kWh × coefficient (m³/kWh). A well with a pump-tested coefficient uses it (coef_source 'tested'). Otherwise a coefficient is calibrated from wells that have both a working meter with a reading and kWh: the median of metered m³ / kWh per township and aquifer ('calibrated_township_aquifer'), else per township ('calibrated_township'), else for the county ('calibrated_county'); 'none' when there is nothing to calibrate from. The median keeps a broken meter from moving everyone's estimate; calib_spread is the median absolute deviation (MAD, m³/kWh) of the ratios used and calib_n their number.

The log names power accounts linked to no well (possible unregistered wells), wells whose account is not in the power table, the calibration groups and the wells that got a calibrated coefficient, and coefficients outside the plausible range.</source>
            <translation>根据电力户号以电折水估算每眼井的取水量，并按托政发规〔2024〕3号 第16条（井电双控、以电折水）给出预警标记。

estimated_m3 = 用电量（kWh）× 折算系数（m³/kWh）。有抽水试验系数的井直接使用（coef_source 为 tested）。否则用同时具有正常计量读数和用电量的井率定系数：按乡镇和含水层取“计量水量 / 用电量”的中位数（calibrated_township_aquifer），否则按乡镇（calibrated_township），否则按全县（calibrated_county）；无可率定数据时为 none。采用中位数可避免个别损坏的水表影响全部估算；calib_spread 为所用比值的中位数绝对偏差（MAD，m³/kWh），calib_n 为其个数。

日志列出未关联任何井的电力户号（可能为未登记的井）、户号不在电力台账中的井、率定分组及使用率定系数的井，以及超出合理范围的系数。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Has a working meter field (yes/no)</source>
            <translation>计量设施是否正常字段（是/否）</translation>
        </message>
        <message>
            <source>Layer '{0}' has no field '{1}': calibration groups are townships only.</source>
            <translation type="vanished">图层“{0}”没有字段“{1}”：率定仅按乡镇分组。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Meter vs power mismatch share (empty = rules file, 0.2 = 20 %)</source>
            <translation>计量水量与以电折水量偏差比例（留空 = 规则文件，0.2 = 20%）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Metered volume field (m³)</source>
            <translation>计量水量字段（m³）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Only power rows of this period count; '2025' also takes sub-periods such as '2025-03'. Empty: every row counts (the log warns when the table holds several periods).</source>
            <translation>只统计该期间的用电记录；“2025”也包括“2025-03”等子期间。留空：统计全部记录（表中含多个期间时日志会提示）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>PNG files (*.png)</source>
            <translation>PNG 文件 (*.png)</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Per township wells_n, kwh, estimated_m3, metered_m3, permit_m3 and the number of wells with each flag.</source>
            <translation>各乡镇 wells_n、kwh、estimated_m3、metered_m3、permit_m3 及各标记的井数。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Period field of the power table (empty = none)</source>
            <translation>电力台账的期间字段（留空 = 无）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Period to take (empty = all rows)</source>
            <translation>统计期间（留空 = 全部记录）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Permit number field</source>
            <translation>取水许可证号字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Permitted volume field (m³)</source>
            <translation>许可水量字段（m³）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Power account field of the wells</source>
            <translation>取水井的电力户号字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Power accounts (table)</source>
            <translation>电力台账（表格）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Pump-tested coefficient field (m³/kWh)</source>
            <translation>抽水试验折算系数字段（m³/kWh）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Share of the metered volume by which the estimate may differ before meter_vs_power_mismatch is raised; exactly the share is not a mismatch. Empty: the rules file's compliance.meter_vs_power_mismatch_share.</source>
            <translation>估算水量与计量水量允许的偏差比例，超过即标记 meter_vs_power_mismatch；恰好等于该比例不算偏差。留空：规则文件的 compliance.meter_vs_power_mismatch_share。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Summary per township</source>
            <translation>各乡镇汇总</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>The well register (points).</source>
            <translation>取水井登记台账（点）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>The wells plus kwh, coef_used, coef_source, calib_spread, calib_n, estimated_m3, approved_kwh (= permit_m3 / coefficient: the power that may be sold), flags (';'-separated) and one 0/1 field per flag: power_without_permit (kWh &gt; 0, no permit: illegal abstraction), permit_without_power_link (a permit, but no account or an account not in the power table), over_approved_kwh (kWh &gt; approved_kwh), meter_vs_power_mismatch (|estimated − metered| &gt; share × metered, wells with a working meter).</source>
            <translation>取水井及 kwh、coef_used、coef_source、calib_spread、calib_n、estimated_m3、approved_kwh（= permit_m3 / 系数：可供电量）、flags（以“;”分隔）以及每个标记一个 0/1 字段：power_without_permit（用电量 &gt; 0 且无许可：非法取水）、permit_without_power_link（有许可但无户号或户号不在电力台账中）、over_approved_kwh（用电量 &gt; approved_kwh）、meter_vs_power_mismatch（有正常计量的井 |估算 − 计量| &gt; 比例 × 计量）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Township field</source>
            <translation>乡镇字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Water from electricity (以电折水, well–electricity dual control)</source>
            <translation>以电折水（井电双控）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" line="123" />
            <source>Water from electricity per township (以电折水)</source>
            <translation>各乡镇以电折水汇总</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Well id field</source>
            <translation>井编号字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Wells</source>
            <translation>取水井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>Wells with water from electricity</source>
            <translation>取水井以电折水结果</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>calibration groups are townships only</source>
            <translation>率定分组仅按乡镇</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>every row of the power table counts</source>
            <translation>电力台账的全部记录均计入</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>kWh are summed per account; text or negative kWh stop the run naming the feature.</source>
            <translation>用电量按户号汇总；用电量为文本或负值时停止运行并指明要素。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>kWh field of the power table</source>
            <translation>电力台账的用电量（kWh）字段</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/electricity_to_water.py" />
            <source>yes/no, 1/0, 是/否.</source>
            <translation>yes/no、1/0、是/否。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>ImportWellRegisterAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Automatic (UTF-8, else GBK/GB18030)</source>
            <translation>自动（UTF-8，否则 GBK/GB18030）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Automatic: UTF-8 when the bytes are UTF-8, else GB18030 (which reads GBK); a DBF's .cpg is checked. A named encoding is checked too: bytes it cannot read are an error naming the rows.</source>
            <translation>自动：字节为 UTF-8 时按 UTF-8，否则按 GB18030（兼容 GBK）读取；DBF 的 .cpg 会被核对。指定的编码同样会被核对：无法按其读取的字节报错并列出所在行。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>CRS of coordinates in degrees (empty = the datum of the metres' CRS)</source>
            <translation>经纬度坐标的坐标系（留空 = 米制坐标系的大地基准）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>CRS of coordinates in metres (empty = EPSG:4537)</source>
            <translation>米制坐标的坐标系（留空 = EPSG:4537）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Empty: CGCS2000 / 3-degree Gauss-Kruger CM 84E; eastings with the zone prefix 28 are read as EPSG:4516 would. Give Beijing 1954 or Xian 1980 here when the register is in one of them.</source>
            <translation>留空：CGCS2000 3度带高斯-克吕格投影，中央经线 84°E；带号 28 的东坐标按 EPSG:4516 读取。登记表为北京1954或西安1980坐标时，请在此指定。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Empty: the geographic CRS of the metres' CRS (CGCS2000, EPSG:4490, by default).</source>
            <translation>留空：米制坐标系对应的地理坐标系（默认为 CGCS2000，EPSG:4490）。</translation>
        </message>
        <message>
            <source>GB18030</source>
            <translation type="vanished">GB18030</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>GB18030 (national standard)</source>
            <translation>GB18030（国家标准）</translation>
        </message>
        <message>
            <source>GBK</source>
            <translation type="vanished">GBK</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>GBK (Chinese Windows)</source>
            <translation>GBK（中文 Windows）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>How the coordinates were read</source>
            <translation>坐标的读取方式</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Import well register (机井登记表)</source>
            <translation>导入机井登记表</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Imported rows with a fix</source>
            <translation>经过清理后导入的行数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Refused rows</source>
            <translation>拒收的行</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Registers</source>
            <translation>登记表</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" line="106" />
            <source>Row {row} refused: {reason}</source>
            <translation>第 {row} 行拒收：{reason}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Rows in the register</source>
            <translation>登记表行数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Rows refused</source>
            <translation>拒收行数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Sheet (empty = the first sheet with a register header)</source>
            <translation>工作表（留空 = 第一个含登记表表头的工作表）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Text encoding of a CSV or DBF</source>
            <translation>CSV 或 DBF 的文本编码</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>The imported wells: the plugin's field names, register_row and import_fixes.</source>
            <translation>导入的机井：采用本插件的字段名，另有 register_row（登记表行号）和 import_fixes（清理说明）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>The register as kept; a title row above the header is fine.</source>
            <translation>按原样提供的登记表；表头上方可以有标题行。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Turns the county's well register as it is kept — an Excel workbook (XLSX, XLS, ODS), a CSV in UTF-8 or GBK, or a DBF — into a point layer of wells with the field names the other tools of this plugin use (well_id, use, permit_no, permit_m3, metered_m3, power_account, status …), in CGCS2000 / 3-degree Gauss-Kruger CM 84E (EPSG:4537).

The header row is found by its words, in Chinese or English (井号/机井编号, 取水许可证号, 用途/取水用途, 许可水量, 年取水量, 电表户号, 状态, X/Y, 经度/纬度, 东坐标/北坐标 …), below any title rows. Coordinates may be decimal degrees, 度分秒, or Gauss-Krüger metres with or without the zone prefix 28; which of X and Y is the northing is decided from the county's extent, row by row, and said so. Full-width digits, a unit after a number, spaces between digit groups and a decimal comma are cleaned where the reading is unambiguous and listed in import_fixes.

Every row is either imported or listed in the refused rows with every reason: no well id, no coordinates, coordinates that are not in the county whichever way they are read, a number or date that cannot be read, a well id on several rows that differ (rows that say the same are imported once). The log gives rows in, imported, fixed, refused and the CRS decided. Status words: the register's 在用/停用/已注销/封井 …, and the rules file's screening.closure_list.inactive_status lists, as active / stopped / deregistered / sealed.</source>
            <translation>将县里按原样保存的机井登记表——Excel 工作簿（XLSX、XLS、ODS）、UTF-8 或 GBK 编码的 CSV、或 DBF——转换为点图层，字段名与本插件其他工具所用的一致（well_id、use、permit_no、permit_m3、metered_m3、power_account、status……），坐标系为 CGCS2000 3度带高斯-克吕格投影，中央经线 84°E（EPSG:4537）。

表头行按中英文字段名识别（井号/机井编号、取水许可证号、用途/取水用途、许可水量、年取水量、电表户号、状态、X/Y、经度/纬度、东坐标/北坐标……），其上方可以有标题行。坐标可以是十进制度、度分秒，或带/不带带号 28 的高斯-克吕格米制坐标；X、Y 哪一列是北坐标逐行依县域范围判定，并在日志中说明。全角数字、数字后的单位、数字分组间的空格和小数逗号，仅在读法唯一时清理，并记入 import_fixes。

每一行要么导入，要么列入拒收行并写明全部原因：没有井号、没有坐标、坐标无论怎样读都不在县域内、数字或日期无法读取、同一井号出现在内容不同的多行（内容相同的行只导入一次）。日志给出登记表行数、导入数、清理数、拒收数及判定的坐标系。状态词：登记表中的 在用/停用/已注销/封井……，以及规则文件 screening.closure_list.inactive_status 列出的词，分别读作 active / stopped / deregistered / sealed。</translation>
        </message>
        <message>
            <source>UTF-8</source>
            <translation type="vanished">UTF-8</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>UTF-8 (Unicode)</source>
            <translation>UTF-8（统一码）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Well register file (XLSX, XLS, ODS, CSV, DBF)</source>
            <translation>机井登记表文件（XLSX、XLS、ODS、CSV、DBF）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Well registers (*.xlsx *.xls *.ods *.csv *.txt *.dbf)</source>
            <translation>机井登记表 (*.xlsx *.xls *.ods *.csv *.txt *.dbf)</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Wells</source>
            <translation>取水井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>Wells imported</source>
            <translation>导入的机井数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/import_well_register.py" />
            <source>register_row, well_id and every reason.</source>
            <translation>register_row（登记表行号）、well_id（井号）及全部拒收原因。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
    </context>
    <context>
        <name>PermitDecisionAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <source>&lt;application id&gt;.pdf and &lt;application id&gt;.html per application (characters a file name cannot hold become _). Existing files of the same name are replaced.</source>
            <translation type="vanished">每个申请一份 &lt;申请编号&gt;.pdf 和 &lt;申请编号&gt;.html（文件名不能包含的字符替换为 _）。同名的已有文件将被替换。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>A typical value for the county's alluvial aquifers; use the pump-test value. Overridden by AQUIFER.</source>
            <translation>本县冲洪积含水层的典型值；请采用抽水试验值。提供 AQUIFER 时以其为准。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>A well inside a polygon is inside public supply coverage. Give pipes, areas or both.</source>
            <translation>位于多边形内的井即在公共供水管网覆盖范围内。提供管网、覆盖范围或两者。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>A well within the coverage distance of a pipe is inside public supply coverage (notice item 13).</source>
            <translation>距管网在覆盖距离以内的井即在公共供水管网覆盖范围内（通知第13条）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>About 1e-5 – 1e-3 confined, 0.01 – 0.3 unconfined. Overridden by AQUIFER.</source>
            <translation>承压含水层约 1e-5 – 1e-3，潜水含水层约 0.01 – 0.3。提供 AQUIFER 时以其为准。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Applicant field</source>
            <translation>申请人字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Application date field (orders the batch)</source>
            <translation>申请日期字段（确定合并审查顺序）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Application id field</source>
            <translation>申请编号字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Applications allowed</source>
            <translation>可予许可的申请</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Applications outside the mapped area (no verdict)</source>
            <translation>位于图层覆盖范围之外的申请（不作结论）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Applications prohibited</source>
            <translation>不予许可的申请</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Applications restricted</source>
            <translation>限制的申请</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Aquifer properties (polygons with T and S; optional)</source>
            <translation>含水层参数（含 T、S 的多边形；可选）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Aquifer storativity S (dimensionless)</source>
            <translation>含水层贮水系数 S（无量纲）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Aquifer transmissivity T (m²/d)</source>
            <translation>含水层导水系数 T（m²/d）</translation>
        </message>
        <message>
            <source>As in Screen well sites: item 13 bans new self-supplied wells only.</source>
            <translation type="vanished">与“井位筛查”相同：第13条仅禁止新增自备井。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Chinese by default, English on request.</source>
            <translation>默认中文，可选英文。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Compared with the township's remaining red-line quota (item 8) and turned into the pumping rate of the interference.</source>
            <translation>与所在乡镇剩余用水总量指标比较（第8条），并换算为干扰计算的抽水流量。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Coverage distance from a pipe (metres)</source>
            <translation>距管网的覆盖距离（米）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" line="238" />
            <source>Deciding {n} applications…</source>
            <translation>正在审查 {n} 个申请…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Decisions</source>
            <translation>审查结论</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Decisions written</source>
            <translation>已生成的意见书</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Document language</source>
            <translation>意见书语言</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Every application once with all its attributes plus application_id, verdict, reasons, township, requested_m3, remaining_m3, quota_status, supply_distance_m, zone_name, wells_within_radius, affected_wells (on the batch's drawdown), max_drawdown_m (this application's own), html_path, pdf_path, well_type (self_supplied, other, unknown), taken_before_m3 (what the applications judged before it took of its township's quota), pumping_days and batch_max_drawdown_m (with every application of the batch that may be approved added).</source>
            <translation>每个申请一个要素，保留全部属性，另加 application_id、verdict、reasons、township、requested_m3、remaining_m3、quota_status、supply_distance_m、zone_name、wells_within_radius、affected_wells（按合计降深判断）、max_drawdown_m（本申请自身的降深）、html_path、pdf_path、well_type（self_supplied 自备井、other 非自备井、unknown 未明）、taken_before_m3（先于本申请审查的申请已占用的所在乡镇指标）、pumping_days 和 batch_max_drawdown_m（叠加本批各可能获准申请后的降深）。</translation>
        </message>
        <message>
            <source>Every application once with all its attributes plus application_id, verdict, reasons, township, requested_m3, remaining_m3, quota_status, supply_distance_m, zone_name, wells_within_radius, affected_wells, max_drawdown_m, html_path, pdf_path.</source>
            <translation type="vanished">每个申请一条记录，保留其全部属性，另加：application_id（申请编号）、verdict（结论）、reasons（理由）、township（乡镇）、requested_m3（申请水量）、remaining_m3（剩余指标）、quota_status（指标核查）、supply_distance_m（距管网距离）、zone_name（超采区）、wells_within_radius（半径内井数）、affected_wells（受影响井数）、max_drawdown_m（最大降深）、html_path、pdf_path。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Existing well id field</source>
            <translation>现有井编号字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Existing well status field (only pumping wells are interfered wells)</source>
            <translation>现有取水井状态字段（只有在用井计为受干扰井）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Existing wells (points; for the interference)</source>
            <translation>现有取水井（点；用于干扰计算）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Existing wells within this distance are listed.</source>
            <translation>列出此距离内的现有取水井。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Folder for the decision documents</source>
            <translation>意见书输出文件夹</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Intended use field (self-supplied or not; statutory exceptions)</source>
            <translation>用途字段（是否自备井；法定例外）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Interference radius (metres)</source>
            <translation>干扰计算半径（米）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Item 13 bans new self-supplied wells (自备井) only. Where SELF_SUPPLIED_FIELD says nothing, the use decides by the rules file's screening.well_types lists: domestic and industrial wells are 自备井; public supply, monitoring, emergency and farm irrigation wells are not (an assumption the rules file explains). A well of another kind inside coverage is told item 13 does not apply to it (reason supply_coverage_not_self_supplied); a well of unknown kind there is 'restricted' (reason supply_coverage_type_unknown): establish its kind. Emergency supply, domestic supply without an alternative source and monitoring or investigation (Groundwater Management Regulations) make a zone ban 'restricted' (reason statutory_exception); inside supply coverage only emergency supply and monitoring keep it.</source>
            <translation>第13条只禁止新增自备井。自备井字段未注明时，按用途依规则文件 screening.well_types 所列判断：生活、工业用井为自备井；公共供水、监测、应急和农业灌溉井不是（此为假设，规则文件说明理由）。覆盖范围内的其他类型井会注明第13条不适用（原因 supply_coverage_not_self_supplied）；类型不明的井结论为“限制”（原因 supply_coverage_type_unknown），请核实类型。应急供水、无替代水源的生活用水、地下水监测和勘探试验（《地下水管理条例》）使超采区禁令变为“限制”（原因 statutory_exception）；在供水管网覆盖范围内只有应急供水和监测保留此例外。</translation>
        </message>
        <message>
            <source>Layer '{layer}' already has field(s) {fields}; the output replaces them with this run's values.</source>
            <translation type="vanished">图层“{layer}”已有字段 {fields}；输出中以本次计算结果替换。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Measured exactly in metres, in a projected CRS whatever the layers' CRS; a well at exactly this distance counts as covered.</source>
            <translation>无论图层坐标系如何，均在米制投影坐标系中精确量算距离；距管网恰好等于该距离的井视为被覆盖。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Names the decision and its files; must be unique.</source>
            <translation>用于命名意见书及其文件；须唯一。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" line="206" />
            <source>OUTPUT_FOLDER: choose a folder for the decision documents.</source>
            <translation>OUTPUT_FOLDER：请选择意见书输出文件夹。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>One PDF and one HTML file per application, named after its id (SQ-2025-001.pdf, SQ-2025-001.html; characters a file name cannot hold become _). Existing files of the same name are replaced.</source>
            <translation>每份申请一个 PDF 文件和一个 HTML 文件，以申请编号命名（如 SQ-2025-001.pdf、SQ-2025-001.html；文件名不能包含的字符替换为 _）。同名的已有文件将被替换。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>One decision per feature.</source>
            <translation>每个要素生成一份意见书。</translation>
        </message>
        <message>
            <source>One point per application: application_id, verdict, reasons, township, requested_m3, remaining_m3, quota_status, supply_distance_m, zone_name, wells_within_radius, affected_wells, max_drawdown_m, html_path, pdf_path.</source>
            <translation type="vanished">每个申请一个点：application_id（申请编号）、verdict（结论）、reasons（理由）、township（乡镇）、requested_m3（申请水量）、remaining_m3（剩余指标）、quota_status（指标核查）、supply_distance_m（距管网距离）、zone_name（超采区）、wells_within_radius（半径内井数）、affected_wells（受影响井数）、max_drawdown_m（最大降深）、html_path、pdf_path。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Over-extraction zones (polygons)</source>
            <translation>超采区（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Permit decision documents (PDF / HTML, one per application)</source>
            <translation>取水许可审查意见书（PDF / HTML，每个申请一份）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Permits and screening</source>
            <translation>取水许可与选址筛查</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Public supply pipes (lines)</source>
            <translation>公共供水管网（线）</translation>
        </message>
        <message>
            <source>Pumping period (days)</source>
            <translation type="vanished">抽水期（天）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Pumping period (days; empty = per use, from the rules file)</source>
            <translation>抽水期（天；留空 = 按用途取自规则文件）</translation>
        </message>
        <message>
            <source>Reading and preparing the layers…</source>
            <translation type="vanished">正在读取并准备图层…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Remaining red-line quota field (m³; ≤ 0 means used up)</source>
            <translation>剩余红线指标字段（m³；≤ 0 表示已用完）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Requested volume field (m³/a)</source>
            <translation>申请水量字段（m³/年）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Reviewer (printed in the signature block)</source>
            <translation>审查人（打印在签署栏）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Self-supplied field (yes/no, 是/否; decides before the use)</source>
            <translation>自备井字段（是/否；先于用途判断）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Storativity field</source>
            <translation>贮水系数字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Supply coverage areas (polygons)</source>
            <translation>供水覆盖范围（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>The drawdown is computed at each of them within RADIUS_M. Without them no interference is computed.</source>
            <translation>在 RADIUS_M 范围内的每眼现有井处计算降深。未提供时不计算干扰。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>The register's own answer whether the well is a 自备井; where a cell is empty the use decides.</source>
            <translation>台账本身注明的是否为自备井；为空时按用途判断。</translation>
        </message>
        <message>
            <source>The requested annual volume is pumped evenly over this period (Q = volume / days), and the drawdown is computed at its end.</source>
            <translation type="vanished">申请的年取水量按此期间均匀抽取（Q = 水量 / 天数），并计算期末的降深。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>The requested annual volume is pumped evenly over this period (Q = volume / days), and the drawdown is computed at its end. Empty: each application's use sets it (the rules file's permit_decision.pumping_days_by_use, an assumption: irrigation 120 days of the season, domestic and industrial all year). Given: one period for all.</source>
            <translation>申请的年取水量在此期间内均匀抽取（Q = 水量 / 天数），并计算期末降深。留空：按各申请的用途确定（规则文件 permit_decision.pumping_days_by_use，假设值：灌溉为灌溉季内 120 天，生活和工业全年）。填写：所有申请统一采用该期间。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Township name field</source>
            <translation>乡镇名称字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Townships (polygons; with remaining red-line quota for item 8)</source>
            <translation>乡镇（多边形；含第8条所需的剩余红线指标）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Transmissivity field (m²/d)</source>
            <translation>导水系数字段（m²/d）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Well applications (points)</source>
            <translation>取水申请（点）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Wells stopped, deregistered or sealed (the rules file's screening.closure_list.inactive_status words) are left out, and the log counts them.</source>
            <translation>已停用、注销或封填的井（规则文件 screening.closure_list.inactive_status 所列写法）不计入，并在日志中统计。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Where an application lies in a polygon, its T and S replace TRANSMISSIVITY and STORATIVITY.</source>
            <translation>申请位于某多边形内时，以该多边形的 T、S 代替 TRANSMISSIVITY 和 STORATIVITY。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>With a requested volume the applications are judged together, in order of application date, then id: each takes its request from its township's remaining quota, and a later one is compared with what the earlier ones leave (an application prohibited on other grounds takes nothing; the rules file's screening.batch).</source>
            <translation>有申请水量时，各申请合并审查，按申请日期、再按申请编号排序：每份申请依次从所在乡镇剩余指标中扣除其申请水量，后序申请与先序申请扣除后的余量比较（因其他理由被禁止的申请不占用指标；见规则文件 screening.batch）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Writes the decision document a permit reviewer signs, one per well application (one point or a whole layer): the verdict with every reason and its clause quoted from the rules file (notice 托政发规〔2024〕3号 item 13, section 二(三) and item 7, item 8); the township's remaining red-line quota against the requested volume (or 'red line not checked'); the distance to the nearest public supply pipe; the over-extraction zone; a map extract; the drawdown the new well would cause at the existing wells within a radius (Theis); and a signature block (reviewer, date, seal). PDF and HTML, Chinese by default.

The verdict is the one Screen well sites and the Check well site panel give (the same engine, parameters and defaults). The applications are one batch, judged together in order of application date (DATE_FIELD), else id: each takes its request from its township's remaining quota, a later one is compared with what the earlier ones leave, and one prohibited on other grounds takes nothing. The interference is information for the reviewer, not a verdict the notice gives: s = Q/(4πT)·W(u), u = r²S/(4Tt), with Q = requested volume / pumping days (the year's volume pumped evenly over the pumping period of its use, or PUMPING_DAYS) and t = the pumping days; the drawdowns of every application that may be approved are added at each pumping existing well and at the other applications (superposition), and wells whose total is above the rules file's permit_decision.affected_drawdown_m (an assumption) are listed as affected. Stopped, deregistered and sealed wells are no interfered wells.</source>
            <translation>为每个取水申请（单个点或整个图层）生成供审查人员签署的审查意见书：审查结论及每条理由，并引用规则文件中的条款原文（托政发规〔2024〕3号 第13条、二（三）及第7条、第8条）；所在乡镇剩余用水总量指标与申请水量的比较（或注明“未核查用水总量红线”）；距最近公共供水管道的距离；所在超采区；位置示意图；新井在一定半径内对现有取水井造成的降深（泰斯公式）；以及签署栏（审查人、日期、盖章）。输出 PDF 和 HTML，默认中文。

审查结论与“井位筛查”和“核查井位”面板一致（同一引擎、同样参数和默认值）。各申请作为一批合并审查，按申请日期（DATE_FIELD）、否则按申请编号排序：每份申请依次从所在乡镇剩余指标中扣除其申请水量，后序申请与先序申请扣除后的余量比较，因其他理由被禁止的申请不占用指标。干扰计算仅供审查人员参考，并非通知规定的审查结论：s = Q/(4πT)·W(u)，u = r²S/(4Tt)，其中 Q = 申请水量 / 抽水天数（全年水量在该用途的抽水期内均匀抽取，或采用 PUMPING_DAYS），t = 抽水天数；本批各可能获准申请的降深在各在用现有井和其他申请井位处叠加，合计降深超过规则文件 permit_decision.affected_drawdown_m（假设值）的井列为受影响。已停用、注销和封填的井不计为受干扰井。</translation>
        </message>
        <message>
            <source>Writes the decision document a permit reviewer signs, one per well application (one point or a whole layer): the verdict with every reason and its clause quoted from the rules file (notice 托政发规〔2024〕3号 item 13, section 二(三) and item 7, item 8); the township's remaining red-line quota against the requested volume (or 'red line not checked'); the distance to the nearest public supply pipe; the over-extraction zone; a map extract; the drawdown the new well would cause at the existing wells within a radius (Theis); and a signature block (reviewer, date, seal). PDF and HTML, Chinese by default.

The verdict is the one Screen well sites gives (the same engine and parameters). The interference is information for the reviewer, not a verdict the notice gives: s = Q/(4πT)·W(u), u = r²S/(4Tt), with Q = requested volume / PUMPING_DAYS (the year's volume pumped evenly over the pumping period) and t = PUMPING_DAYS; existing wells with a drawdown above the rules file's permit_decision.affected_drawdown_m (an assumption) are listed as affected.</source>
            <translation type="vanished">为每个取水申请（单个点或整个图层）生成供审查人员签署的审查意见书：审查结论及每条理由，并引用规则文件中的条款原文（托政发规〔2024〕3号 第13条、二（三）及第7条、第8条）；所在乡镇剩余用水总量指标与申请水量的比较（或注明“未核查用水总量红线”）；距最近公共供水管道的距离；所在超采区；位置示意图；新井在一定半径内对现有取水井造成的降深（泰斯公式）；以及签署栏（审查人、日期、盖章）。输出 PDF 和 HTML，默认中文。

审查结论与“井位筛查”一致（同一引擎、同样参数）。干扰计算仅供审查人员参考，并非通知规定的审查结论：s = Q/(4πT)·W(u)，u = r²S/(4Tt)，其中 Q = 申请水量 / PUMPING_DAYS（全年水量在抽水期内均匀抽取），t = PUMPING_DAYS；降深超过规则文件 permit_decision.affected_drawdown_m（假设值）的现有井列为受影响。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Zone grade field (severe / general, 严重 / 一般)</source>
            <translation>超采区等级字段（severe / general，严重 / 一般）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>Zone name field</source>
            <translation>超采区名称字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>every existing well counts as pumping</source>
            <translation>所有现有取水井均按在用计</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>existing wells are named by their feature id</source>
            <translation>现有井以要素编号标识</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>inside supply coverage the kind of well is unknown ('restricted')</source>
            <translation>供水管网覆盖范围内井的类型不明（“限制”）</translation>
        </message>
        <message>
            <source>inside supply coverage the well type is unknown ('restricted')</source>
            <translation type="vanished">在供水管网覆盖范围内井的类型视为未知（“限制”）</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>the applications are judged in order of their id</source>
            <translation>各申请按申请编号顺序审查</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>the documents name no applicant</source>
            <translation>意见书中不写申请人</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>the red line (notice item 8) is not checked</source>
            <translation>不检查用水总量控制红线（通知第8条）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>the use alone decides whether a well is self-supplied</source>
            <translation>仅按用途判断是否为自备井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" />
            <source>the zones are unnamed</source>
            <translation>超采区不注明名称</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" line="188" />
            <source>{n} decision(s) written to {folder}: {p} prohibited, {r} restricted, {a} allowed, {o} outside the mapped area (no verdict).</source>
            <translation>已将 {n} 份审查意见书写入 {folder}：不予许可 {p} 份，限制 {r} 份，可予许可 {a} 份，位于图层覆盖范围之外（不作结论）{o} 份。</translation>
        </message>
        <message>
            <source>{n} decision(s) written to {folder}: {p} prohibited, {r} restricted, {a} allowed.</source>
            <translation type="vanished">已向 {folder} 写出 {n} 份意见书：不予许可 {p} 份，限制 {r} 份，可予许可 {a} 份。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{path} is an input of this run; the decision of {id} would write over it. Nothing more was written; choose another OUTPUT_FOLDER.</source>
            <translation type="vanished">{path} 是本次运行的输入；申请 {id} 的意见书会覆盖它。未再写入任何文件；请选择其他 OUTPUT_FOLDER。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/permit_decision.py" line="259" />
            <source>{path} is an input of this run; the decision of {id} would write over it. Nothing was written; choose another OUTPUT_FOLDER.</source>
            <translation>{path} 是本次运行的输入；申请 {id} 的意见书会覆盖它。未写入任何文件；请选择其他 OUTPUT_FOLDER。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>ProgressiveSurchargeAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Account id field (for messages)</source>
            <translation>户号字段（用于提示信息）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Accounts (layer or table)</source>
            <translation>取水户（图层或表格）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Accounts charged</source>
            <translation>已计费取水户数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Accounts not charged</source>
            <translation>未计费取水户数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Accounts with fees</source>
            <translation>取水户水资源费</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Actual (metered) use field (m³/a)</source>
            <translation>实际（计量）用水量字段（m³/年）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" line="152" />
            <source>BASE_RATE must be more than 0 yuan per m³ (the standard charge, 征收标准).</source>
            <translation>BASE_RATE（征收标准）必须大于 0 元/m³。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Band by band (累进)</source>
            <translation>分档累进</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Band by band: each band of the excess at its own multiple (the fee is continuous in the use); whole excess: the whole excess at the multiple of the highest band reached.</source>
            <translation>分档累进：超计划部分各档按各自倍数计收（水资源费随用水量连续变化）；超额全部：超计划部分全部按所达最高档倍数计收。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Base rate (yuan per m³, the standard charge)</source>
            <translation>征收标准（元/m³）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Bookkeeping</source>
            <translation>计量与收费</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Chart of fees by tier (PNG)</source>
            <translation>分档水资源费图（PNG）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Checked: stop with one error listing every account that cannot be charged. Unchecked: those accounts are written with empty fee fields and the reason in 'problem', each named in a warning. Never charged, never zero-filled: an empty, unreadable or negative plan or use, or use with a plan of 0.</source>
            <translation>勾选：若有无法计费的取水户，列出全部并停止运行。不勾选：这些取水户照常输出，水资源费字段为空，原因写入 problem 字段，并逐户给出警告。计划或用水量为空、无法识别或为负，或计划为 0 而有用水的，均不计费，也不填零。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <source>Computes each account's water-resource fee with the progressive surcharge for use over plan (超计划累进加价, notice 托政发规〔2024〕3号 items 10 and 13).

Use within plan is charged at the base rate (×1). The over-plan part is charged by bands of the excess in percent of plan, read from the rules file: up to 20 % over plan at 2×, from 20 to 50 % at 3×, beyond 50 % at 5×. An excess of exactly 20 % is in the 2× band and exactly 50 % in the 3× band (超额20%以内 → 2倍).</source>
            <translation type="vanished">按超计划累进加价（托政发规〔2024〕3号 第10、13条）计算每个取水户的水资源费。

计划内用水按征收标准（1倍）计收。超计划部分按超出计划的百分比分档计收，档次取自规则文件：超计划 20% 以内按 2 倍，20%–50% 按 3 倍，50% 以上按 5 倍。恰好超出 20% 属于 2 倍档，恰好超出 50% 属于 3 倍档（超额20%以内 → 2倍）。</translation>
        </message>
        <message>
            <source>Computes each account's water-resource fee with the progressive surcharge for use over plan (超计划累进加价, notice 托政发规〔2024〕3号 items 10 and 13).

Use within plan is charged at the base rate (×1). The over-plan part is charged by bands of the excess in percent of plan, read from the rules file: up to 20 % over plan at 2×, from 20 to 50 % at 3×, beyond 50 % at 5×. An excess of exactly 20 % is in the 2× band and exactly 50 % in the 3× band (超额20%以内 → 2倍).

Parameters:
• INPUT: accounts layer or table (geometry optional; kept when present).
• PLAN_FIELD (plan_m3), ACTUAL_FIELD (actual_m3): annual plan and metered use, m³. Text such as '1,200' is read as 1200.
• BASE_RATE: standard charge in yuan per m³ (&gt; 0).
• MODE: 0 band by band (default, 累进: each band of the excess at its own multiple; the fee is continuous in the use) or 1 whole excess (the whole excess at the multiple of the highest band reached).
• ID_FIELD: optional field naming the accounts in messages (else the feature id).
• TOWNSHIP_FIELD: optional; groups the summary table and the chart by township.
• FAIL_ON_INVALID: when checked, stop with one error listing every account that cannot be charged. Unchecked (default), those accounts are written with empty fee fields and the reason in 'problem', and each is named in a warning. Never charged, never zero-filled: an empty, unreadable or negative plan or use, or use with a plan of 0.
• RULES: optional rules file (bands and multiples).

Outputs:
• OUTPUT: the input features plus excess_m3, excess_pct (excess in % of plan), top_multiplier (multiple of the highest band reached; 1 within plan), fee_yuan, surcharge_yuan (fee above base rate × actual) and problem.
• OUTPUT_SUMMARY (optional table): per township (or 'all') and tier: multiplier, accounts_n, volume_m3, fee_yuan; plus a 'not_charged' row counting accounts with a problem.
• CHART (optional PNG): fees by tier, stacked, per township.</source>
            <translation type="vanished">按超计划累进加价（托政发规〔2024〕3号 第10、13条）计算每个取水户的水资源费。

计划内用水按征收标准（1倍）计收。超计划部分按超出计划的百分比分档计收，档次取自规则文件：超计划 20% 以内按 2 倍，20%–50% 按 3 倍，50% 以上按 5 倍。恰好超出 20% 属于 2 倍档，恰好超出 50% 属于 3 倍档（超额20%以内 → 2倍）。

参数：
• INPUT：取水户图层或表格（几何可选；有则保留）。
• PLAN_FIELD（plan_m3）、ACTUAL_FIELD（actual_m3）：年计划水量和计量用水量，m³。“1,200”等文本按 1200 读取。
• BASE_RATE：征收标准，元/m³（&gt; 0）。
• MODE：0 分档累进（默认，超计划部分各档按各自倍数计收；水资源费随用水量连续变化），1 超额全部按所达最高档倍数计收。
• ID_FIELD：可选，用于在提示信息中标识取水户（否则用要素编号）。
• TOWNSHIP_FIELD：可选，汇总表和图表按乡镇分组。
• FAIL_ON_INVALID：勾选时，若有无法计费的取水户，列出全部并停止运行。不勾选（默认）时，这些取水户照常输出，水资源费字段为空，原因写入 problem 字段，并逐户给出警告。计划或用水量为空、无法识别或为负，或计划为 0 而有用水的，均不计费，也不填零。
• RULES：可选规则文件（档次和倍数）。

输出：
• OUTPUT：输入要素及 excess_m3、excess_pct（超出计划的百分比）、top_multiplier（所达最高档倍数；计划内为 1）、fee_yuan、surcharge_yuan（超出“征收标准 × 实际用水量”的部分）和 problem。
• OUTPUT_SUMMARY（可选表格）：按乡镇（或 all）和档次：multiplier、accounts_n、volume_m3、fee_yuan；另有 not_charged 行统计有问题的取水户。
• CHART（可选 PNG）：各乡镇分档水资源费堆积图。</translation>
        </message>
        <message>
            <source>Computes each account's water-resource fee with the progressive surcharge for use over plan (超计划累进加价, notice 托政发规〔2024〕3号 items 10 and 13).

Use within plan is charged at the base rate (×1). The over-plan part is charged by bands of the excess in percent of plan, read from the rules file: up to 20 % over plan at 2×, from 20 to 50 % at 3×, beyond 50 % at 5×. An excess of exactly 20 % is in the 2× band and exactly 50 % in the 3× band (超额20%以内 → 2倍).

Use over quota (超定额, items 10 and 13) is charged by the same bands, in percent of the quota volume (定额水量): the account's own quota field, else its use's quota in the rules file (compliance.use_quotas) times its quota units (mu, persons, head). Fees are charged on the larger of the over-plan and the over-quota part, never both; the charged_on field says which ('plan' or 'quota'). Without quota fields, accounts are charged over plan only, and the log says so.</source>
            <translation type="vanished">按超计划累进加价（托政发规〔2024〕3号 第10、13条）计算每个取水户的水资源费。

计划内用水按征收标准（1倍）计收。超计划部分按超出计划的百分比分档计收，档次取自规则文件：超计划 20% 以内按 2 倍，20%–50% 按 3 倍，50% 以上按 5 倍。恰好超出 20% 属于 2 倍档，恰好超出 50% 属于 3 倍档（超额20%以内 → 2倍）。

超定额用水（第10、13条）按相同档次计收，百分比以定额水量为基数：取该取水户自身的定额字段，否则取规则文件中该用途的定额（compliance.use_quotas）乘以定额单位数（亩、人、头）。水资源费按超计划部分与超定额部分中较大者计收，不重复计收；charged_on 字段说明所依据的一项（“plan”或“quota”）。没有定额字段时只按超计划计收，并在日志中说明。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Computes each account's water-resource fee with the progressive surcharge for use over plan (超计划累进加价, notice 托政发规〔2024〕3号 items 10 and 13).

Use within plan is charged at the base rate (×1). The over-plan part is charged by bands of the excess in percent of plan, read from the rules file: up to 20 % over plan at 2×, from 20 to 50 % at 3×, beyond 50 % at 5×. An excess of exactly 20 % is in the 2× band and exactly 50 % in the 3× band (超额20%以内 → 2倍).

Use over quota (超定额, items 10 and 13) is charged by the same bands, in percent of the quota volume (定额水量): the account's own quota field, else its use's quota in the rules file (compliance.use_quotas) times its quota units (mu, persons, head). Which part an account over both is charged on is a reading the notice leaves open (CHARGE_ON; the rules file's surcharge.plan_or_quota, marked as an assumption): by default the larger of the over-plan and the over-quota part, never both; or the over-plan part only; or the over-quota part wherever there is a quota. The charged_on field says which ('plan' or 'quota'). Without quota fields, accounts are charged over plan only, and the log says so.</source>
            <translation>按超计划累进加价（托政发规〔2024〕3号 第10、13条）计算每个取水户的水资源费（税）。

计划内用水按征收标准（1倍）计收。超计划部分按超出计划的百分比分档计收，档次取自规则文件：超计划 20% 以内按 2 倍，20%–50% 按 3 倍，50% 以上按 5 倍。恰好超出 20% 属于 2 倍档，恰好超出 50% 属于 3 倍档（超额20%以内 → 2倍）。

超定额用水（第10、13条）按相同档次计收，百分比以定额水量为基数：取该取水户自身的定额字段，否则取规则文件中该用途的定额（compliance.use_quotas）乘以定额单位数（亩、人、头）。同时超计划和超定额时按哪一部分计收，通知未作规定（CHARGE_ON；规则文件 surcharge.plan_or_quota，标为假设）：默认按两者中较大者计收、不重复计收；也可只按超计划部分，或凡有定额即按超定额部分计收。charged_on 字段说明所依据的一项（“plan”或“quota”）。没有定额字段时只按超计划计收，并在日志中说明。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Else the feature id.</source>
            <translation>否则用要素编号。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Fees by tier (summary table)</source>
            <translation>分档水资源费（汇总表）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Fees by tier, stacked, per township.</source>
            <translation>各乡镇分档水资源费堆积图。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Geometry optional; kept when present.</source>
            <translation>几何可选；有则保留。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>More than 0.</source>
            <translation>须大于 0。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" line="182" />
            <source>Not charged: layer '{0}', {1}</source>
            <translation>未计费：图层“{0}”，{1}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Over plan and over quota: which part is charged</source>
            <translation>超计划与超定额：按哪一部分计收</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>PNG files (*.png)</source>
            <translation>PNG 文件 (*.png)</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Per township (or 'all') and tier: multiplier, accounts_n, volume_m3, fee_yuan; plus a 'not_charged' row counting accounts with a problem.</source>
            <translation>按乡镇（或 all）和档次：multiplier、accounts_n、volume_m3、fee_yuan；另有 not_charged 行统计有问题的取水户。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Plan field (m³/a)</source>
            <translation>计划水量字段（m³/年）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Progressive surcharge for use over plan (超计划累进加价)</source>
            <translation>超计划累进加价</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Quota units field (mu / persons / head)</source>
            <translation>定额单位数字段（亩 / 人 / 头）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Quota volume field (m³, 定额水量) — over-quota charging</source>
            <translation>定额水量字段（m³）— 超定额计费</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Stop when an account cannot be charged</source>
            <translation>有取水户无法计费时停止</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Surcharge mode</source>
            <translation>加价计算方式</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Text such as '1,200' is read as 1200.</source>
            <translation>“1,200”等文本按 1200 读取。</translation>
        </message>
        <message>
            <source>The input features plus excess_m3, excess_pct (excess in % of plan), top_multiplier (multiple of the highest band reached; 1 within plan), fee_yuan, surcharge_yuan (fee above base rate × actual) and problem.</source>
            <translation type="vanished">输入要素及 excess_m3、excess_pct（超出计划的百分比）、top_multiplier（所达最高档倍数；计划内为 1）、fee_yuan、surcharge_yuan（超出“征收标准 × 实际用水量”的部分）和 problem。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>The input features plus excess_m3, excess_pct (excess in % of plan), top_multiplier (multiple of the highest band reached; 1 within plan), fee_yuan, surcharge_yuan (fee above base rate × actual), problem, quota_m3, over_quota_m3, over_quota_pct (in % of the quota) and charged_on ('plan' or 'quota').</source>
            <translation>输入要素及 excess_m3、excess_pct（超出计划的百分比）、top_multiplier（所达最高档倍数；计划内为 1）、fee_yuan、surcharge_yuan（超出“征收标准 × 实际用水量”的部分）、problem、quota_m3、over_quota_m3、over_quota_pct（超出定额的百分比）和 charged_on（“plan”或“quota”）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>The notice charges use over plan or over quota progressively (items 10, 13) without saying which part when an account is over both. Default: the rules file's surcharge.plan_or_quota (an assumption: the larger part, never both).</source>
            <translation>通知对超计划或超定额用水累进加价（第10、13条），但未规定同时超计划和超定额时按哪一部分计收。默认：规则文件 surcharge.plan_or_quota（假设：按较大者计收，不重复计收）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Total fees (yuan)</source>
            <translation>水资源费合计（元）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Total surcharge (yuan)</source>
            <translation>加价合计（元）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Township field (groups the summary and chart)</source>
            <translation>乡镇字段（用于汇总表和图表分组）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Use field (for the use's quota in the rules file)</source>
            <translation>用途字段（用于取规则文件中该用途的定额）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" line="231" />
            <source>Water-resource fees by tier (超计划累进加价) — {0}</source>
            <translation>分档水资源费（超计划累进加价）——{0}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>Whole excess at the top band's multiple</source>
            <translation>超计划水量全部按所达最高档倍数计收</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>accounts have no quota volume of their own</source>
            <translation>取水户无自身的定额水量</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" line="205" />
            <source>band by band</source>
            <translation>分档累进</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>the larger of the two, never both</source>
            <translation>两者中较大者，不重复计收</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>the over-plan part only</source>
            <translation>只按超计划部分</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>the over-quota part where there is a quota</source>
            <translation>有定额时按超定额部分</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" />
            <source>the use's quota in the rules file is not used</source>
            <translation>不使用规则文件中该用途的定额</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" line="205" />
            <source>whole excess</source>
            <translation>超额全部按最高档</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" line="203" />
            <source>{0} account(s) charged ({1}): fees {2:,.2f} yuan, of which surcharge {3:,.2f} yuan.</source>
            <translation>已计费 {0} 户（{1}）：水资源费 {2:,.2f} 元，其中加价 {3:,.2f} 元。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/progressive_surcharge.py" line="185" />
            <source>{0} of {1} account(s) were not charged; their fee fields are empty and 'problem' says why.</source>
            <translation>{1} 户中有 {0} 户未计费；其水资源费字段为空，原因见 problem 字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>ReductionPlanAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>A township with an empty value gets no plan (status no_allowable).</source>
            <translation>该字段为空的乡镇不编制计划（状态 no_allowable）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>A well inside a polygon is inside public supply coverage. Give pipes, areas or both.</source>
            <translation>位于多边形内的井即在公共供水管网覆盖范围内。提供管网、覆盖范围或两者。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>A well within the coverage distance of a pipe is inside public supply coverage (notice item 13).</source>
            <translation>距管网在覆盖距离以内的井即在公共供水管网覆盖范围内（通知第13条）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Abstraction by township and year (table)</source>
            <translation>各乡镇逐年开采量（表）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Allowable abstraction field (m³/a)</source>
            <translation>可开采量字段（m³/年）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Annual abstraction per well (m³)</source>
            <translation>单井年开采量（m³）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Any CRS.</source>
            <translation>任意坐标系。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Approved annual plan field (m³)</source>
            <translation>批准的年度取水计划字段（m³）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" line="320" />
            <source>Chart written to {path}</source>
            <translation>图表已写入 {path}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Chart: abstraction by year against the allowable volume (PNG)</source>
            <translation>图表：逐年开采量与可开采量（PNG）</translation>
        </message>
        <message>
            <source>Chinese by default, English on request.</source>
            <translation type="vanished">默认中文，可选英文。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Coverage distance from a pipe (metres)</source>
            <translation>距管网的覆盖距离（米）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>E.g. the OUTPUT of Abstraction against recharge (allowable_m3 = ρ × recharge per township).</source>
            <translation>例如“开采量与补给量对比”的 OUTPUT（各乡镇 allowable_m3 = ρ × 补给量）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Every well once with all its attributes plus township, use_m3, measure (stop_unpermitted, switch_self_supplied, back_to_plan, share, back_to_plan+share, none, inactive, outside), cut_m3, year (the year its cut is complete), clause and basis.</source>
            <translation>每眼井输出一次，保留其全部属性，并增加 township、use_m3、measure（stop_unpermitted 无证停采、switch_self_supplied 改由管网供水、back_to_plan 压减至计划、share 分摊压减、back_to_plan+share、none 无措施、inactive 已停用/注销、outside 不在乡镇内）、cut_m3、year（压减完成的年份）、clause（条款）和 basis（依据原文）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>First year of the cuts</source>
            <translation>开始压减的年份</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>How the rest of the cut is shared over the irrigation wells</source>
            <translation>剩余压减量在农灌井间的分摊方式</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>In proportion to each well's use, or to the use it drew over its approved plan (超计划, items 10, 13) — wells within their plan then take no share. The second option's value is 'over_quota' (its former name), but it measures use over plan, not over the use quota (超定额): the rules file's reduction_plan.share_rule says so.</source>
            <translation>按各井用水量比例，或按其超出批准计划的水量比例（超计划，第10、13条）分摊——计划内的井不分摊。第二项的取值为“over_quota”（沿用旧名），但计算的是超计划水量，而非超定额水量：见规则文件 reduction_plan.share_rule。</translation>
        </message>
        <message>
            <source>In proportion to each well's use, or to the use it drew over its plan (超定额/超计划, items 10, 13) — wells within their plan then take no share.</source>
            <translation type="vanished">按各井用水量比例，或按其超计划（超定额）取水量比例（第10、13条）——后者未超计划的井不分摊。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Language of the clauses and status texts</source>
            <translation>条款和状态说明的语言</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" line="290" />
            <source>Layer '{layer}' already has field(s) {fields}; the output replaces them with this run's values.</source>
            <translation type="vanished">图层“{layer}”已有字段 {fields}；输出中以本次计算结果替换。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Measured exactly in metres, in a projected CRS whatever the layers' CRS; a well at exactly this distance counts as covered.</source>
            <translation>无论图层坐标系如何，均在米制投影坐标系中精确量算距离；距管网恰好等于该距离的井视为被覆盖。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>One panel per township that must cut.</source>
            <translation>每个需压减的乡镇一幅子图。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Only self-supplied wells (自备井) inside public supply coverage are switched to the network (item 13).</source>
            <translation>只有公共供水管网覆盖范围内的自备井改由管网供水（第13条）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Order of the measures</source>
            <translation>措施顺序</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Over-extraction</source>
            <translation>地下水超采</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>PNG files (*.png)</source>
            <translation>PNG 文件 (*.png)</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" line="260" />
            <source>Planning the cuts of {n} wells…</source>
            <translation>正在编制 {n} 眼井的压减计划…</translation>
        </message>
        <message>
            <source>Plans how each township whose abstraction exceeds its allowable volume reaches abstraction–recharge balance (采补平衡), year by year: notice 托政发规〔2024〕3号 item 7 (section 二(一)) and section 二(三) ask that abstraction in over-extraction areas be cut step by step until it balances recharge.

The measures are the notice's own, in the order the rules file's reduction_plan.measure_order sets (an assumption: the notice sets no order): wells without a water permit stopped (item 18); self-supplied wells (自备井, by the rules file's screening.well_types) inside public supply coverage switched to the network (item 13); use over the approved plan brought back to the plan (items 10, 13); then the rest of the cut shared over the remaining irrigation wells by SHARE_RULE, at most reduction_plan.max_share_cut_fraction of a well's use a year (an assumption, 30 %). Each measure is taken whole, and only until the cut is covered. The first three fall in FIRST_YEAR; the share is scheduled year by year to TARGET_YEAR, as fast as the yearly cap allows.

Per township: abstraction by year against the allowable volume, the year balance is reached, or 'not reachable by measures alone' with the shortfall in TARGET_YEAR. Stopped and deregistered wells no longer pump and are not counted; wells in no township are listed in the log.</source>
            <translation type="vanished">为开采量超过可开采量的各乡镇逐年编制压减至采补平衡的计划：托政发规〔2024〕3号 二（一）第7条及二（三）要求在超采地区逐步压减地下水开采量，直至采补平衡。

措施均为通知所定，按规则文件 reduction_plan.measure_order 的顺序采取（此顺序为假定，通知未规定）：无取水许可的井停止取水（第18条）；公共供水管网覆盖范围内的自备井（按规则文件 screening.well_types 判定）改由管网供水（第13条）；超过批准计划的用水压减至计划（第10、13条）；其余压减量按 SHARE_RULE 在剩余农灌井间分摊，每井每年至多压减其用水量的 reduction_plan.max_share_cut_fraction（假定，30%）。每项措施整体采取，且仅在压减量尚未满足时采取。前三项措施在 FIRST_YEAR 实施；分摊压减按年度安排至 TARGET_YEAR，在年度上限内尽早完成。

各乡镇输出：逐年开采量与可开采量对比、达到采补平衡的年份，或“仅靠上述措施无法达到”及目标年的缺口。已停用和已注销的井不再取水，不计入；不在任何乡镇内的井在日志中列出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Plans how each township whose abstraction exceeds its allowable volume reaches abstraction–recharge balance (采补平衡), year by year: notice 托政发规〔2024〕3号 item 7 (section 二(一)) and section 二(三) ask that abstraction in over-extraction areas be cut step by step until it balances recharge.

The measures are the notice's own, in the order the rules file's reduction_plan.measure_order sets (an assumption: the notice sets no order; MEASURE_ORDER takes its alternative): wells without a water permit stopped (item 18); self-supplied wells (自备井: the register's SELF_SUPPLIED_FIELD, else the use by the rules file's screening.well_types — farm irrigation wells are not) inside public supply coverage switched to the network (item 13); use over the approved plan brought back to the plan (items 10, 13); then the rest of the cut shared over the remaining irrigation wells by SHARE_RULE, at most reduction_plan.max_share_cut_fraction of a well's use a year (an assumption, 30 %). Each measure is taken whole, and only until the cut is covered. The first three fall in FIRST_YEAR; the share is scheduled year by year to TARGET_YEAR, as fast as the yearly cap allows.

Per township: abstraction by year against the allowable volume, the year balance is reached, or 'not reachable by measures alone' with the shortfall in TARGET_YEAR. Stopped, deregistered and sealed wells no longer pump and are not counted; wells in no township are listed in the log.</source>
            <translation>为开采量超过可开采量的各乡镇逐年编制压减至采补平衡的计划：托政发规〔2024〕3号 二（一）第7条及二（三）要求在超采地区逐步压减地下水开采量，直至采补平衡。

措施均为通知所定，按规则文件 reduction_plan.measure_order 的顺序采取（此顺序为假设，通知未规定；MEASURE_ORDER 可选其备选顺序）：无取水许可的井停止取水（第18条）；公共供水管网覆盖范围内的自备井（按台账自备井字段，否则按用途依规则文件 screening.well_types 判定——农业灌溉井不是自备井）改由管网供水（第13条）；超过批准计划的用水压减至计划（第10、13条）；其余压减量按 SHARE_RULE 在剩余农灌井间分摊，每井每年至多压减其用水量的 reduction_plan.max_share_cut_fraction（假设，30%）。每项措施整体采取，且仅在压减量尚未满足时采取。前三项措施在 FIRST_YEAR 实施；分摊压减按年度安排至 TARGET_YEAR，在年度上限内尽早完成。

各乡镇输出：逐年开采量与可开采量对比、达到采补平衡的年份，或“仅靠上述措施无法达到”及目标年的缺口。已停用、注销和封填的井不再取水，不计入；不在任何乡镇内的井在日志中列出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Public supply pipes (lines)</source>
            <translation>公共供水管网（线）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" line="250" />
            <source>Reading and preparing the layers…</source>
            <translation>正在读取并准备图层…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Reduction plan to abstraction–recharge balance (measures by year, per township)</source>
            <translation>压减至采补平衡的计划（分乡镇、分年度措施）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <source>Self-supplied (item 13) as the rules file's screening.well_types lists the values; the shared cut falls on the uses of reduction_plan.share_uses (irrigation).</source>
            <translation type="vanished">是否为自备井（第13条）按规则文件 screening.well_types 所列取值判定；分摊压减由 reduction_plan.share_uses 所列用途（农灌）的井承担。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Self-supplied field (yes/no, 是/否; the register's own answer decides first)</source>
            <translation>自备井字段（是/否；台账本身注明的优先）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Shortfall in the target year, over all townships (m³/a)</source>
            <translation>目标年各乡镇缺口合计（m³/年）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Status field (stopped / deregistered wells are not counted)</source>
            <translation>状态字段（已停用/注销的井不计入）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Supply coverage areas (polygons)</source>
            <translation>供水覆盖范围（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Target year of the balance</source>
            <translation>达到采补平衡的目标年份</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>The interface language unless chosen here.</source>
            <translation>未选择时采用界面语言。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>The plan needs each township's allowable groundwater abstraction (可开采量 = ρ × recharge), which Abstraction against recharge (tuoli_gw:abstraction_recharge_balance) writes as allowable_m3: give its OUTPUT layer as TOWNSHIPS, not the township boundaries.</source>
            <translation>压减计划需要各乡镇的地下水可开采量（可开采量 = ρ × 补给量），由“开采量与补给量对比”（tuoli_gw:abstraction_recharge_balance）计算并写入 allowable_m3 字段：请将其 OUTPUT 图层作为 TOWNSHIPS，而不是乡镇界线图层。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>The rules file's reduction_plan.measure_order (an assumption): wells without a permit stopped, self-supplied wells in coverage switched, use over plan brought back to plan, the rest shared — so where switching covers the cut, use over plan elsewhere stays. The alternative (the rules file's measure_order.alternative) brings use over plan back to plan before switching self-supplied wells.</source>
            <translation>规则文件 reduction_plan.measure_order（假设）：无证井停止取水、覆盖范围内自备井改由管网供水、超计划用水压减至计划、其余分摊——因此改由管网供水足以满足压减量时，其他井的超计划用水得以保留。备选顺序（规则文件 measure_order.alternative）先将超计划用水压减至计划，再改由管网供水。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>The share is scheduled up to this year; what is still over the allowable volume then is the shortfall.</source>
            <translation>分摊压减安排至该年；届时仍超出可开采量的部分即为缺口。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>The townships with their attributes plus wells_n, abstraction_m3, allowable_m3, cut_needed_m3, cut_stop_m3, cut_switch_m3, cut_plan_m3, cut_share_m3, planned_cut_m3, final_m3 (in TARGET_YEAR), balance_year, status (already_balanced, reached, not_reachable, no_allowable), status_text and shortfall_m3.</source>
            <translation>各乡镇保留其属性，并增加 wells_n、abstraction_m3、allowable_m3、cut_needed_m3、cut_stop_m3、cut_switch_m3、cut_plan_m3、cut_share_m3、planned_cut_m3、final_m3（目标年）、balance_year、status（already_balanced 已平衡、reached 可达到、not_reachable 仅靠措施无法达到、no_allowable 无可开采量）、status_text 和 shortfall_m3。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>The use each measure cuts; empty values count as 0 m³ and are listed in the log.</source>
            <translation>各项措施压减的用水量；空值按 0 m³ 计，并在日志中列出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Total cut planned (m³/a)</source>
            <translation>计划压减总量（m³/年）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" line="280" />
            <source>Township '{township}' has no allowable volume in '{field}' (layer '{layer}'): no plan for it.</source>
            <translation>乡镇“{township}”在“{field}”中没有可开采量（图层“{layer}”）：未编制其计划。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Township name field</source>
            <translation>乡镇名称字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Townships not reachable by measures alone</source>
            <translation>仅靠措施无法达到采补平衡的乡镇数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Townships with their allowable volume (polygons)</source>
            <translation>乡镇及其可开采量（面）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Townships with their plan</source>
            <translation>乡镇压减计划</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>USE_FIELD alone decides which wells are self-supplied</source>
            <translation>仅按用途字段判断哪些井为自备井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Use above it is brought back to it (items 10, 13).</source>
            <translation>超出部分压减至计划（第10、13条）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Use field (self-supplied or not; irrigation)</source>
            <translation>用途字段（是否自备井；农灌）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Water permit number field (empty = no permit)</source>
            <translation>取水许可证号字段（空 = 无证）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Well id field (for messages)</source>
            <translation>井编号字段（用于提示信息）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Wells (points)</source>
            <translation>取水井（点）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Wells with their measure</source>
            <translation>取水井及其压减措施</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>Where SELF_SUPPLIED_FIELD says nothing, self-supplied (item 13) as the rules file's screening.well_types lists the values (farm irrigation wells are not 自备井); the shared cut falls on the uses of reduction_plan.share_uses (irrigation).</source>
            <translation>自备井字段未注明时，按规则文件 screening.well_types 所列取值判断是否为自备井（第13条；农业灌溉井不是自备井）；分摊压减落在 reduction_plan.share_uses 所列用途（灌溉）上。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" line="286" />
            <source>Writing the outputs…</source>
            <translation>正在写出结果…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>as the rules file orders them (self-supplied wells switched first)</source>
            <translation>按规则文件顺序（先将自备井改由管网供水）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>every well is treated as active</source>
            <translation>所有井均按在用处理</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>it holds the township's total-use red line or what is left of it (用水总量控制红线, notice item 8), a quota for all water of every source, not the groundwater that may be abstracted without over-extraction; a plan against it would find nothing to cut. Give the OUTPUT of Abstraction against recharge as TOWNSHIPS and keep allowable_m3.</source>
            <translation>该字段是乡镇的用水总量控制红线或其剩余指标（通知第8条），是各类水源全部用水的总量指标，而不是不致超采的地下水可开采量；按它编制的计划将无从压减。请将“开采量与补给量对比”的 OUTPUT 作为 TOWNSHIPS，并保留 allowable_m3。</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>proportional to use</source>
            <translation>按用水量比例</translation>
        </message>
        <message>
            <source>proportional to use over plan (over quota)</source>
            <translation type="vanished">按超计划（超定额）水量比例</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>proportional to use over plan (超计划)</source>
            <translation>按超计划水量比例</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>township, year, abstraction_m3, allowable_m3, cut_m3 (cut in that year), balanced; the row of the year before FIRST_YEAR is the abstraction now.</source>
            <translation>township、year、abstraction_m3、allowable_m3、cut_m3（当年压减量）、balanced；FIRST_YEAR 前一年的行为现状开采量。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>use over plan brought back to plan first</source>
            <translation>先将超计划用水压减至计划</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>use over plan is not known: measure back_to_plan (items 10, 13) is not taken</source>
            <translation>无法确定超计划用水：不采取“压减至计划”措施（第10、13条）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>wells are named by feature id</source>
            <translation>以要素编号标识取水井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" />
            <source>wells without a permit are not recognised: measure stop_unpermitted (item 18) is not taken</source>
            <translation>无法识别无证井：不采取“无证停采”措施（第18条）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/reduction_plan.py" line="324" />
            <source>{n} township(s) must cut: {reached} reach balance by {year}, {short} not by measures alone (shortfall {shortfall:,.0f} m³/a); {cut:,.0f} m³/a cut in all.</source>
            <translation>{n} 个乡镇需压减：{reached} 个在 {year} 年前达到采补平衡，{short} 个仅靠措施无法达到（缺口 {shortfall:,.0f} m³/年）；合计压减 {cut:,.0f} m³/年。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>ScreenWellSites</name>
        <message>
            <source>Coverage distance from a pipe (metres)</source>
            <translation type="vanished">距管网的覆盖距离（米）</translation>
        </message>
        <message>
            <source>English</source>
            <translation type="vanished">英文</translation>
        </message>
        <message>
            <source>Gives every (proposed or existing) well a verdict — prohibited, restricted or allowed — with the reason codes and the legal basis in words.

Rules (from the rules file's 'screening' section): inside public supply coverage → prohibited (notice item 13: no new self-supplied wells); in a severe over-extraction zone → prohibited (section 二(三), item 7); in a general zone → restricted (item 7); in a township whose red-line quota is used up (remaining &lt;= 0) → prohibited (item 8); otherwise allowed. Several reasons are all listed; where zones overlap the severe one names the zone. A point exactly on a boundary counts as inside; a well exactly at the coverage distance from a pipe counts as covered.

INPUT: point layer of wells, any CRS. ZONES: polygons of over-extraction zones. ZONE_GRADE_FIELD (default grade): severe / general, also 严重 / 一般. ZONE_NAME_FIELD (default zone_name). SUPPLY_PIPES: public supply pipes (lines); COVERAGE_DISTANCE: metres from a pipe counted as covered (distance measured exactly, in a projected metric CRS whatever the input CRS). SUPPLY_AREAS: supply coverage polygons (covered = inside). At least one of SUPPLY_PIPES / SUPPLY_AREAS is required. TOWNSHIPS: township polygons; TOWNSHIP_NAME_FIELD (default name_zh); REMAINING_FIELD (default remaining_m3). USE_FIELD: optional field of the well's intended use; emergency supply, domestic supply without an alternative source and monitoring (Groundwater Management Regulations art. 33) make a zone ban 'restricted' (reason statutory_exception), but never inside supply coverage. LANGUAGE: language of the basis text (0 English, 1 中文). RULES: rules file.

Outputs: OUTPUT — every input feature exactly once with all its attributes plus verdict, reasons, basis, zone_name, zone_grade, supply_distance_m (metres to the nearest pipe; empty without pipes), in_supply_coverage, township; styled red / amber / green. A feature without geometry is kept with an empty verdict and reason no_geometry. REPORT (optional HTML): a map and the verdicts per township. Counts per verdict are logged and returned.</source>
            <translation type="vanished">为每眼（拟建或现有）取水井给出筛查结论——禁止、限制或允许——并附原因代码和文字法律依据。

规则（取自规则文件 screening 部分）：位于公共供水管网覆盖范围内 → 禁止（托政发规〔2024〕3号 第13条：不得新建自备井）；位于严重超采区 → 禁止（第二部分（三）、第7条）；位于一般超采区 → 限制（第7条）；所在乡镇用水总量控制红线指标已用完（剩余 ≤ 0）→ 禁止（第8条）；其余 → 允许。多个原因全部列出；超采区重叠时以严重超采区命名。恰好位于边界上的点视为在内；距管网恰好等于覆盖距离的井视为被覆盖。

INPUT：取水井点图层，任意坐标系。ZONES：超采区多边形。ZONE_GRADE_FIELD（默认 grade）：severe / general，也可为 严重 / 一般。ZONE_NAME_FIELD（默认 zone_name）。SUPPLY_PIPES：公共供水管网（线）；COVERAGE_DISTANCE：距管网多少米以内视为覆盖（无论输入坐标系如何，均在米制投影坐标系中精确量算距离）。SUPPLY_AREAS：供水覆盖范围多边形（位于其内即为覆盖）。SUPPLY_PIPES 与 SUPPLY_AREAS 至少提供一个。TOWNSHIPS：乡镇多边形；TOWNSHIP_NAME_FIELD（默认 name_zh）；REMAINING_FIELD（默认 remaining_m3）。USE_FIELD：可选的拟用途字段；应急供水、无替代水源的生活用水和监测取水（《地下水管理条例》第三十三条）可使超采区禁令变为“限制”（原因 statutory_exception），但在公共供水管网覆盖范围内不适用。LANGUAGE：法律依据文字的语言（0 英文，1 中文；默认随 QGIS 界面语言）。RULES：规则文件。

输出：OUTPUT——每个输入要素恰好一次，保留全部属性，另加 verdict、reasons、basis、zone_name、zone_grade、supply_distance_m（到最近管网的距离，米；无管网时为空）、in_supply_coverage、township；按红 / 橙 / 绿着色。无几何的要素予以保留，结论为空，原因为 no_geometry。REPORT（可选 HTML）：地图及各乡镇筛查结论。各结论的数量记入日志并作为结果返回。</translation>
        </message>
        <message>
            <source>Gives every (proposed or existing) well a verdict — prohibited, restricted or allowed — with the reason codes and the legal basis in words.

Rules (from the rules file's 'screening' section): inside public supply coverage → prohibited (notice item 13: no new self-supplied wells); in a severe over-extraction zone → prohibited (section 二(三), item 7); in a general zone → restricted (item 7); in a township whose red-line quota is used up (remaining &lt;= 0) → prohibited (item 8); otherwise allowed. Several reasons are all listed; where zones overlap the severe one names the zone. A point exactly on a boundary counts as inside; a well exactly at the coverage distance from a pipe counts as covered.

INPUT: point layer of wells, any CRS. ZONES: polygons of over-extraction zones. ZONE_GRADE_FIELD (default grade): severe / general, also 严重 / 一般. ZONE_NAME_FIELD (default zone_name). SUPPLY_PIPES: public supply pipes (lines); COVERAGE_DISTANCE: metres from a pipe counted as covered (distance measured exactly, in a projected metric CRS whatever the input CRS). SUPPLY_AREAS: supply coverage polygons (covered = inside). At least one of SUPPLY_PIPES / SUPPLY_AREAS is required. TOWNSHIPS: township polygons; TOWNSHIP_NAME_FIELD (default name_zh); REMAINING_FIELD (default remaining_m3). USE_FIELD: optional field of the well's intended use; emergency supply, domestic supply without an alternative source and monitoring (Groundwater Management Regulations art. 33) make a zone ban 'restricted' (reason statutory_exception), but never inside supply coverage. LANGUAGE: language of the basis text (0 English, 1 中文; default: the QGIS interface language). RULES: rules file.

Outputs: OUTPUT — every input feature exactly once with all its attributes plus verdict, reasons, basis, zone_name, zone_grade, supply_distance_m (metres to the nearest pipe; empty without pipes), in_supply_coverage, township; styled red / amber / green. A feature without geometry is kept with an empty verdict and reason no_geometry. REPORT (optional HTML): a map and the verdicts per township. Counts per verdict are logged and returned.</source>
            <translation type="vanished">为每眼（拟建或现有）取水井给出筛查结论——禁止、限制或允许——并附原因代码和文字法律依据。

规则（取自规则文件 screening 部分）：位于公共供水管网覆盖范围内 → 禁止（托政发规〔2024〕3号 第13条：不得新建自备井）；位于严重超采区 → 禁止（第二部分（三）、第7条）；位于一般超采区 → 限制（第7条）；所在乡镇用水总量控制红线指标已用完（剩余 ≤ 0）→ 禁止（第8条）；其余 → 允许。多个原因全部列出；超采区重叠时以严重超采区命名。恰好位于边界上的点视为在内；距管网恰好等于覆盖距离的井视为被覆盖。

INPUT：取水井点图层，任意坐标系。ZONES：超采区多边形。ZONE_GRADE_FIELD（默认 grade）：severe / general，也可为 严重 / 一般。ZONE_NAME_FIELD（默认 zone_name）。SUPPLY_PIPES：公共供水管网（线）；COVERAGE_DISTANCE：距管网多少米以内视为覆盖（无论输入坐标系如何，均在米制投影坐标系中精确量算距离）。SUPPLY_AREAS：供水覆盖范围多边形（位于其内即为覆盖）。SUPPLY_PIPES 与 SUPPLY_AREAS 至少提供一个。TOWNSHIPS：乡镇多边形；TOWNSHIP_NAME_FIELD（默认 name_zh）；REMAINING_FIELD（默认 remaining_m3）。USE_FIELD：可选的拟用途字段；应急供水、无替代水源的生活用水和监测取水（《地下水管理条例》第三十三条）可使超采区禁令变为“限制”（原因 statutory_exception），但在公共供水管网覆盖范围内不适用。LANGUAGE：法律依据文字的语言（0 英文，1 中文；默认随 QGIS 界面语言）。RULES：规则文件。

输出：OUTPUT——每个输入要素恰好一次，保留全部属性，另加 verdict、reasons、basis、zone_name、zone_grade、supply_distance_m（到最近管网的距离，米；无管网时为空）、in_supply_coverage、township；按红 / 橙 / 绿着色。无几何的要素予以保留，结论为空，原因为 no_geometry。REPORT（可选 HTML）：地图及各乡镇筛查结论。各结论的数量记入日志并作为结果返回。</translation>
        </message>
        <message>
            <source>HTML files (*.html)</source>
            <translation type="vanished">HTML 文件 (*.html)</translation>
        </message>
        <message>
            <source>Intended use field (for the statutory exceptions; optional)</source>
            <translation type="vanished">拟用途字段（用于法定例外；可选）</translation>
        </message>
        <message>
            <source>Language of the legal basis</source>
            <translation type="vanished">法律依据的语言</translation>
        </message>
        <message>
            <source>Layer '{0}' has no field '{1}': the red line (notice item 8) is not checked. Set REMAINING_FIELD to the field of remaining quota to check it.</source>
            <translation type="vanished">图层“{0}”没有字段“{1}”：不检查用水总量控制红线（通知第8条）。如需检查，请将 REMAINING_FIELD 设为剩余指标字段。</translation>
        </message>
        <message>
            <source>Layer '{layer}' already has field(s) {fields}; the output replaces them with this run's values.</source>
            <translation type="vanished">图层“{layer}”已有字段 {fields}；输出中以本次计算结果替换。</translation>
        </message>
        <message>
            <source>Layer '{layer}' has no field '{field}' (ZONE_GRADE_FIELD, the zone grade severe / general). Its fields are: {fields}. Choose the grade field.</source>
            <translation type="vanished">图层“{layer}”没有字段“{field}”（ZONE_GRADE_FIELD，超采区等级：严重 / 一般）。该图层的字段有：{fields}。请选择等级字段。</translation>
        </message>
        <message>
            <source>No supply layer: give SUPPLY_PIPES (public supply pipes), SUPPLY_AREAS (supply coverage areas) or both. Notice item 13 bans new self-supplied wells inside supply coverage, so coverage must be known.</source>
            <translation type="vanished">缺少供水图层：请提供 SUPPLY_PIPES（公共供水管网）、SUPPLY_AREAS（供水覆盖范围）或两者。通知第13条禁止在公共供水管网覆盖范围内新建自备井，因此必须知道覆盖范围。</translation>
        </message>
        <message>
            <source>Over-extraction zones (polygons)</source>
            <translation type="vanished">超采区（多边形）</translation>
        </message>
        <message>
            <source>Permits and screening</source>
            <translation type="vanished">取水许可与选址筛查</translation>
        </message>
        <message>
            <source>Public supply pipes (lines)</source>
            <translation type="vanished">公共供水管网（线）</translation>
        </message>
        <message>
            <source>Reading and preparing the layers…</source>
            <translation type="vanished">正在读取并准备图层…</translation>
        </message>
        <message>
            <source>Remaining red-line quota field (m³; &lt;= 0 means used up)</source>
            <translation type="vanished">剩余红线指标字段（m³；≤ 0 表示已用完）</translation>
        </message>
        <message>
            <source>Report written to {path}</source>
            <translation type="vanished">报告已写入 {path}</translation>
        </message>
        <message>
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation type="vanished">规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <source>Screen well sites (supply coverage, over-extraction zones, red line)</source>
            <translation type="vanished">井址筛查（供水管网覆盖、超采区、用水总量控制红线）</translation>
        </message>
        <message>
            <source>Screened wells</source>
            <translation type="vanished">筛查结果</translation>
        </message>
        <message>
            <source>Screening cancelled by the user; no output was written.</source>
            <translation type="vanished">筛查已被用户取消，未写出任何结果。</translation>
        </message>
        <message>
            <source>Screening report (HTML)</source>
            <translation type="vanished">筛查报告（HTML）</translation>
        </message>
        <message>
            <source>Screening {n} wells…</source>
            <translation type="vanished">正在筛查 {n} 眼井…</translation>
        </message>
        <message>
            <source>Supply coverage areas (polygons)</source>
            <translation type="vanished">供水覆盖范围（多边形）</translation>
        </message>
        <message>
            <source>Township name field</source>
            <translation type="vanished">乡镇名称字段</translation>
        </message>
        <message>
            <source>Townships (polygons; with remaining red-line quota for item 8)</source>
            <translation type="vanished">乡镇（多边形；含第8条所需的剩余红线指标）</translation>
        </message>
        <message>
            <source>Verdicts: {p} prohibited, {r} restricted, {a} allowed, {n} without geometry (of {t} wells).</source>
            <translation type="vanished">筛查结论：禁止 {p} 眼，限制 {r} 眼，允许 {a} 眼，无位置 {n} 眼（共 {t} 眼）。</translation>
        </message>
        <message>
            <source>Wells allowed</source>
            <translation type="vanished">允许的井数</translation>
        </message>
        <message>
            <source>Wells no_geometry</source>
            <translation type="vanished">无位置的井数</translation>
        </message>
        <message>
            <source>Wells prohibited</source>
            <translation type="vanished">禁止的井数</translation>
        </message>
        <message>
            <source>Wells restricted</source>
            <translation type="vanished">限制的井数</translation>
        </message>
        <message>
            <source>Wells to screen (points)</source>
            <translation type="vanished">待筛查取水井（点）</translation>
        </message>
        <message>
            <source>Writing the output…</source>
            <translation type="vanished">正在写出结果…</translation>
        </message>
        <message>
            <source>Writing the report…</source>
            <translation type="vanished">正在写报告…</translation>
        </message>
        <message>
            <source>Zone grade field (severe / general, 严重 / 一般)</source>
            <translation type="vanished">超采区等级字段（severe / general，严重 / 一般）</translation>
        </message>
        <message>
            <source>Zone name field</source>
            <translation type="vanished">超采区名称字段</translation>
        </message>
        <message>
            <source>{n} well(s) have no geometry: they are kept with an empty verdict and reason no_geometry.</source>
            <translation type="vanished">{n} 眼井没有位置（几何为空）：保留在输出中，结论为空，原因代码为 no_geometry。</translation>
        </message>
    </context>
    <context>
        <name>ScreenWellSitesAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>A map and the verdicts per township.</source>
            <translation>地图及各乡镇筛查结论。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>A well inside a polygon is inside public supply coverage. Give pipes, areas or both.</source>
            <translation>位于多边形内的井即在公共供水管网覆盖范围内。提供管网、覆盖范围或两者。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>A well within the coverage distance of a pipe is inside public supply coverage (notice item 13).</source>
            <translation>距管网在覆盖距离以内的井即在公共供水管网覆盖范围内（通知第13条）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Any CRS.</source>
            <translation>任意坐标系。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Application date field (orders the batch)</source>
            <translation>申请日期字段（确定合并审查顺序）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Application id field (orders the batch after the date)</source>
            <translation>申请编号字段（日期之后确定合并审查顺序）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="329" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Coverage distance from a pipe (metres)</source>
            <translation>距管网的覆盖距离（米）</translation>
        </message>
        <message>
            <source>Emergency supply, domestic supply without an alternative source and monitoring (Groundwater Management Regulations art. 33) make a zone ban 'restricted' (reason statutory_exception), never inside supply coverage.</source>
            <translation type="vanished">应急供水、无替代水源的生活用水和监测取水（《地下水管理条例》第三十三条）可使超采区禁令变为“限制”（原因 statutory_exception），但在公共供水管网覆盖范围内不适用。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Every input feature exactly once with all its attributes plus verdict, reasons, basis, zone_name, zone_grade, supply_distance_m (metres to the nearest pipe; empty without pipes), in_supply_coverage and township; styled red / amber / green. A feature without geometry is kept with an empty verdict and reason no_geometry.</source>
            <translation>每个输入要素恰好一次，保留全部属性，另加 verdict、reasons、basis、zone_name、zone_grade、supply_distance_m（到最近管网的距离，米；无管网时为空）、in_supply_coverage 和 township；按红 / 橙 / 绿着色。无几何的要素予以保留，结论为空，原因为 no_geometry。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Gives every (proposed or existing) well a verdict — prohibited, restricted or allowed — with the reason codes and the legal basis in words.

Rules (from the rules file's 'screening' section): a self-supplied well (自备井: the register's own yes/no field, else the use by the rules file's lists) inside public supply coverage → prohibited (notice item 13: no new self-supplied wells; a well of another kind there is told item 13 does not apply to it); in a severe over-extraction zone → prohibited (section 二(三), item 7); in a general zone → restricted (item 7); in a township whose red-line quota is used up (remaining ≤ 0) → prohibited (item 8); a requested volume above what the township's quota leaves → restricted (item 8; with requests the wells are one batch, judged together in order of date, then id); otherwise allowed — but outside the mapped area (outside every township or, without TOWNSHIPS, outside the extent of the zones and supply layers) there is no verdict: 'outside' with reason outside_mapped_area, never an all-clear. Several reasons are all listed; where zones overlap the severe one names the zone. A point exactly on a boundary counts as inside; a well exactly at the coverage distance from a pipe counts as covered.</source>
            <translation>为每眼（拟建或现有）取水井给出筛查结论——禁止、限制或允许——并附原因代码和文字法律依据。

规则（取自规则文件 screening 部分）：公共供水管网覆盖范围内的自备井（按台账是否自备井字段，否则按用途依规则文件所列判断）→ 禁止（托政发规〔2024〕3号 第13条：禁止新增自备井；覆盖范围内的其他类型井注明第13条不适用）；位于严重超采区 → 禁止（第二部分（三）、第7条）；位于一般超采区 → 限制（第7条）；所在乡镇用水总量控制红线指标已用完（剩余 ≤ 0）→ 禁止（第8条）；申请水量超过所在乡镇可用剩余指标 → 限制（第8条；有申请水量时各井作为一批合并审查，按日期、再按编号排序）；其余 → 允许——但位于图层范围外（不在任何乡镇内；未提供 TOWNSHIPS 时不在超采区和供水图层的范围内）则不作结论：结论为 outside，原因为 outside_mapped_area，绝不判为允许。多个原因全部列出；超采区重叠时以严重超采区命名。恰好位于边界上的点视为在内；距管网恰好等于覆盖距离的井视为被覆盖。</translation>
        </message>
        <message>
            <source>Gives every (proposed or existing) well a verdict — prohibited, restricted or allowed — with the reason codes and the legal basis in words.

Rules (from the rules file's 'screening' section): inside public supply coverage → prohibited (notice item 13: no new self-supplied wells); in a severe over-extraction zone → prohibited (section 二(三), item 7); in a general zone → restricted (item 7); in a township whose red-line quota is used up (remaining ≤ 0) → prohibited (item 8); otherwise allowed — but outside the mapped area (outside every township or, without TOWNSHIPS, outside the extent of the zones and supply layers) there is no verdict: 'outside' with reason outside_mapped_area, never an all-clear. Several reasons are all listed; where zones overlap the severe one names the zone. A point exactly on a boundary counts as inside; a well exactly at the coverage distance from a pipe counts as covered.</source>
            <translation type="vanished">为每眼（拟建或现有）取水井给出筛查结论——禁止、限制或允许——并附原因代码和文字法律依据。

规则（取自规则文件 screening 部分）：位于公共供水管网覆盖范围内 → 禁止（托政发规〔2024〕3号 第13条：不得新建自备井）；位于严重超采区 → 禁止（第二部分（三）、第7条）；位于一般超采区 → 限制（第7条）；所在乡镇用水总量控制红线指标已用完（剩余 ≤ 0）→ 禁止（第8条）；其余 → 允许——但位于图层范围外（不在任何乡镇内；未提供 TOWNSHIPS 时不在超采区和供水图层的范围内）则不作结论：结论为 outside，原因为 outside_mapped_area，绝不判为允许。多个原因全部列出；超采区重叠时以严重超采区命名。恰好位于边界上的点视为在内；距管网恰好等于覆盖距离的井视为被覆盖。</translation>
        </message>
        <message>
            <source>Gives every (proposed or existing) well a verdict — prohibited, restricted or allowed — with the reason codes and the legal basis in words.

Rules (from the rules file's 'screening' section): inside public supply coverage → prohibited (notice item 13: no new self-supplied wells); in a severe over-extraction zone → prohibited (section 二(三), item 7); in a general zone → restricted (item 7); in a township whose red-line quota is used up (remaining ≤ 0) → prohibited (item 8); otherwise allowed. Several reasons are all listed; where zones overlap the severe one names the zone. A point exactly on a boundary counts as inside; a well exactly at the coverage distance from a pipe counts as covered.</source>
            <translation type="vanished">为每眼（拟建或现有）取水井给出筛查结论——禁止、限制或允许——并附原因代码和文字法律依据。

规则（取自规则文件 screening 部分）：位于公共供水管网覆盖范围内 → 禁止（托政发规〔2024〕3号 第13条：不得新建自备井）；位于严重超采区 → 禁止（第二部分（三）、第7条）；位于一般超采区 → 限制（第7条）；所在乡镇用水总量控制红线指标已用完（剩余 ≤ 0）→ 禁止（第8条）；其余 → 允许。多个原因全部列出；超采区重叠时以严重超采区命名。恰好位于边界上的点视为在内；距管网恰好等于覆盖距离的井视为被覆盖。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>HTML files (*.html)</source>
            <translation>HTML 文件 (*.html)</translation>
        </message>
        <message>
            <source>Intended use field (for the statutory exceptions; optional)</source>
            <translation type="vanished">拟用途字段（用于法定例外；可选）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Intended use field (self-supplied or not; statutory exceptions)</source>
            <translation>用途字段（是否自备井；法定例外）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Item 13 bans new self-supplied wells (自备井) only. Where SELF_SUPPLIED_FIELD says nothing, the use decides by the rules file's screening.well_types lists: domestic and industrial wells are 自备井; public supply, monitoring, emergency and farm irrigation wells are not (an assumption the rules file explains). A well of another kind inside coverage is told item 13 does not apply to it (reason supply_coverage_not_self_supplied); a well of unknown kind there is 'restricted' (reason supply_coverage_type_unknown): establish its kind. Emergency supply, domestic supply without an alternative source and monitoring or investigation (Groundwater Management Regulations) make a zone ban 'restricted' (reason statutory_exception); inside supply coverage only emergency supply and monitoring keep it.</source>
            <translation>第13条只禁止新增自备井。自备井字段未注明时，按用途依规则文件 screening.well_types 所列判断：生活、工业用井为自备井；公共供水、监测、应急和农业灌溉井不是（此为假设，规则文件说明理由）。覆盖范围内的其他类型井会注明第13条不适用（原因 supply_coverage_not_self_supplied）；类型不明的井结论为“限制”（原因 supply_coverage_type_unknown），请核实类型。应急供水、无替代水源的生活用水、地下水监测和勘探试验（《地下水管理条例》）使超采区禁令变为“限制”（原因 statutory_exception）；在供水管网覆盖范围内只有应急供水和监测保留此例外。</translation>
        </message>
        <message>
            <source>Item 13 bans new self-supplied wells (自备井) only: the use decides whether a well is one (the rules file's screening.well_types lists the values, e.g. 自备 / industrial / irrigation are, 公共供水 / monitoring / emergency are not). Without it, or with a value not listed, a well inside coverage is 'restricted' (reason supply_coverage_type_unknown): establish its type. Emergency supply, domestic supply without an alternative source and monitoring (Groundwater Management Regulations) make a zone ban 'restricted' (reason statutory_exception), never inside supply coverage.</source>
            <translation type="vanished">第13条只禁止新增自备井：由用途判断是否为自备井（规则文件 screening.well_types 列出取值，如 自备／industrial／irrigation 为自备井，公共供水／monitoring／emergency 不是）。未给出用途或取值未列出时，覆盖范围内的井结论为“restricted”（原因 supply_coverage_type_unknown）：请核实类型。应急供水、无替代水源的生活用水和监测取水（《地下水管理条例》）使超采区禁令变为“restricted”（原因 statutory_exception），但供水管网覆盖范围内除外。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Item 8: a request larger than the township's remaining red-line quota is 'restricted' (reason request_over_remaining_quota).</source>
            <translation>第8条：申请水量大于所在乡镇剩余用水总量指标的，结论为“restricted”（原因 request_over_remaining_quota）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Language of the legal basis</source>
            <translation>法律依据的语言</translation>
        </message>
        <message>
            <source>Layer '{layer}' already has field(s) {fields}; the output replaces them with this run's values.</source>
            <translation type="vanished">图层“{layer}”已有字段 {fields}；输出中以本次计算结果替换。</translation>
        </message>
        <message>
            <source>Layer '{layer}' has no field '{field}' (ZONE_GRADE_FIELD, the zone grade severe / general). Its fields are: {fields}. Choose the grade field.</source>
            <translation type="vanished">图层“{layer}”没有字段“{field}”（ZONE_GRADE_FIELD，超采区等级：严重 / 一般）。该图层的字段有：{fields}。请选择等级字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Measured exactly in metres, in a projected CRS whatever the layers' CRS; a well at exactly this distance counts as covered.</source>
            <translation>无论图层坐标系如何，均在米制投影坐标系中精确量算距离；距管网恰好等于该距离的井视为被覆盖。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Over-extraction zones (polygons)</source>
            <translation>超采区（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Permits and screening</source>
            <translation>取水许可与选址筛查</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Public supply pipes (lines)</source>
            <translation>公共供水管网（线）</translation>
        </message>
        <message>
            <source>Reading and preparing the layers…</source>
            <translation type="vanished">正在读取并准备图层…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" line="175" />
            <source>Red line not checked for {n} well(s): no township with a remaining quota (TOWNSHIPS / REMAINING_FIELD) covers them. Their verdicts say nothing about item 8.</source>
            <translation>有 {n} 口井未核查用水总量红线：没有带剩余指标的乡镇图层（TOWNSHIPS / REMAINING_FIELD）覆盖它们。其结论不涉及第8条。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Remaining red-line quota field (m³; ≤ 0 means used up)</source>
            <translation>剩余红线指标字段（m³；≤ 0 表示已用完）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" line="132" />
            <source>Report written to {path}</source>
            <translation>报告已写入 {path}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Requested volume field (m³/a; optional)</source>
            <translation>申请水量字段（m³/a；可选）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Screen well sites (supply coverage, over-extraction zones, red line)</source>
            <translation>井址筛查（供水管网覆盖、超采区、用水总量控制红线）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <location filename="../../processing_algs/screen_well_sites.py" line="116" />
            <source>Screened wells</source>
            <translation>筛查结果</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Screening report (HTML)</source>
            <translation>筛查报告（HTML）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" line="104" />
            <source>Screening {n} wells…</source>
            <translation>正在筛查 {n} 眼井…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Self-supplied field (yes/no, 是/否; decides before the use)</source>
            <translation>自备井字段（是/否；先于用途判断）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Supply coverage areas (polygons)</source>
            <translation>供水覆盖范围（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>The language of the basis text; default: the QGIS interface language.</source>
            <translation>法律依据文字的语言；默认随 QGIS 界面语言。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>The register's own answer whether the well is a 自备井; where a cell is empty the use decides.</source>
            <translation>台账本身注明的是否为自备井；为空时按用途判断。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Township name field</source>
            <translation>乡镇名称字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Townships (polygons; with remaining red-line quota for item 8)</source>
            <translation>乡镇（多边形；含第8条所需的剩余红线指标）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" line="151" />
            <source>Verdicts: {p} prohibited, {r} restricted, {a} allowed, {n} without geometry (of {t} wells).</source>
            <translation>筛查结论：禁止 {p} 眼，限制 {r} 眼，允许 {a} 眼，无位置 {n} 眼（共 {t} 眼）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Wells allowed</source>
            <translation>允许的井数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Wells outside the mapped area (no verdict)</source>
            <translation>图层范围外的井（不作结论）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Wells prohibited</source>
            <translation>禁止的井数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Wells restricted</source>
            <translation>限制的井数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Wells to screen (points)</source>
            <translation>待筛查取水井（点）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Wells without geometry</source>
            <translation>无几何的井数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>With a requested volume the applications are judged together, in order of application date, then id: each takes its request from its township's remaining quota, and a later one is compared with what the earlier ones leave (an application prohibited on other grounds takes nothing; the rules file's screening.batch).</source>
            <translation>有申请水量时，各申请合并审查，按申请日期、再按申请编号排序：每份申请依次从所在乡镇剩余指标中扣除其申请水量，后序申请与先序申请扣除后的余量比较（因其他理由被禁止的申请不占用指标；见规则文件 screening.batch）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" line="110" />
            <source>Writing the output…</source>
            <translation>正在写出结果…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" line="128" />
            <source>Writing the report…</source>
            <translation>正在写报告…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Zone grade field (severe / general, 严重 / 一般)</source>
            <translation>超采区等级字段（severe / general，严重 / 一般）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>Zone name field</source>
            <translation>超采区名称字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>applications without a date are judged in the layer's order</source>
            <translation>无日期的申请按图层顺序审查</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>inside supply coverage the kind of well is unknown ('restricted')</source>
            <translation>供水管网覆盖范围内井的类型不明（“限制”）</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>requests are not compared with the township's remaining quota</source>
            <translation>不比较申请水量与乡镇剩余指标</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>the applications are judged in order of their id</source>
            <translation>各申请按申请编号顺序审查</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>the red line (notice item 8) is not checked</source>
            <translation>不检查用水总量控制红线（通知第8条）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>the use alone decides whether a well is self-supplied</source>
            <translation>仅按用途判断是否为自备井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" />
            <source>the zones are unnamed</source>
            <translation>超采区不注明名称</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" line="182" />
            <source>{n} well(s) have no geometry: they are kept with an empty verdict and reason no_geometry.</source>
            <translation>{n} 眼井没有位置（几何为空）：保留在输出中，结论为空，原因代码为 no_geometry。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" line="166" />
            <source>{n} well(s) inside supply coverage have no known type (SELF_SUPPLIED_FIELD and USE_FIELD empty, or a use the rules file does not list): item 13 bans new self-supplied wells only, so they are 'restricted' until their type is established.</source>
            <translation>供水管网覆盖范围内有 {n} 口井类型不明（自备井字段和用途字段为空，或用途未在规则文件中列出）：第13条只禁止新增自备井，故在确定类型之前结论为“限制”。</translation>
        </message>
        <message>
            <source>{n} well(s) inside supply coverage have no known type (USE_FIELD empty or a value the rules file does not list): item 13 bans new self-supplied wells only, so they are 'restricted' until their type is established.</source>
            <translation type="vanished">供水管网覆盖范围内有 {n} 口井类型不明（USE_FIELD 为空或取值未在规则文件中列出）：第13条只禁止新增自备井，故在确定类型之前结论为“restricted”。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/screen_well_sites.py" line="157" />
            <source>{n} well(s) lie outside the mapped area (outside every township, or outside the extent of the zones and supply layers): verdict 'outside', no verdict given. Check their location or screen them with layers that cover them.</source>
            <translation>{n} 眼井位于图层范围外（不在任何乡镇内，或不在超采区和供水图层范围内）：结论为 outside，不作结论。请核对其位置，或用覆盖这些位置的图层重新筛查。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>SelfSuppliedClosureList</name>
        <message>
            <source>Annual volume field (m³)</source>
            <translation type="vanished">年水量字段（m³）</translation>
        </message>
        <message>
            <source>Annual volume they draw, freed if switched to the network (m³)</source>
            <translation type="vanished">年取水量（改由管网供水后可腾出，m³）</translation>
        </message>
        <message>
            <source>Cancelled while writing the output.</source>
            <translation type="vanished">写出结果时已取消。</translation>
        </message>
        <message>
            <source>Could not write feature {fid} to the output.</source>
            <translation type="vanished">无法将要素 {fid} 写入输出。</translation>
        </message>
        <message>
            <source>Coverage distance from a pipe (metres)</source>
            <translation type="vanished">距管网的覆盖距离（米）</translation>
        </message>
        <message>
            <source>Existing wells (points)</source>
            <translation type="vanished">现有取水井（点）</translation>
        </message>
        <message>
            <source>Layer '{0}' has no field '{1}': the red line (notice item 8) is not checked. Set REMAINING_FIELD to the field of remaining quota to check it.</source>
            <translation type="vanished">图层“{0}”没有字段“{1}”：不检查用水总量控制红线（通知第8条）。如需检查，请将 REMAINING_FIELD 设为剩余指标字段。</translation>
        </message>
        <message>
            <source>Lists the existing self-supplied wells (自备井) that lie inside public water-supply coverage — the wells notice 托政发规〔2024〕3号 item 13 places under strict control according to law (依法严格管控) — with the annual volume each one draws, which switching it to the network would free.

INPUT: point layer of existing wells, any CRS. SELF_SUPPLIED_FIELD (default self_supplied): yes/no (1/0, true/false, yes/no, 是/否); empty counts as not self-supplied. STATUS_FIELD (default status): wells whose status is stopped or deregistered (停用, 注销, … see the rules file's screening.closure_list) are left out and counted in the log; any other status counts as active. VOLUME_FIELD (default metered_m3) gives the volume freed; where it is empty FALLBACK_VOLUME_FIELD (default permit_m3) is used, and the field freed_from says which. ID_FIELD (default well_id) names wells in messages. SUPPLY_PIPES with COVERAGE_DISTANCE (metres, exact distance) and/or SUPPLY_AREAS define coverage; at least one is required. TOWNSHIPS with TOWNSHIP_NAME_FIELD (default name_zh) name each well's township. RULES: rules file.

Output: the listed wells with all their attributes plus supply_distance_m, in_supply_coverage, township, freed_m3 (m³/year) and freed_from. The total volume freed is logged and returned as FREED_M3_TOTAL, the number of wells as COUNT_LISTED.</source>
            <translation type="vanished">列出位于公共供水管网覆盖范围内的现有自备井——托政发规〔2024〕3号 第13条要求依法严格管控的井——以及每眼井的年取水量（改由管网供水后可腾出）。

INPUT：现有取水井点图层，任意坐标系。SELF_SUPPLIED_FIELD（默认 self_supplied）：是/否（1/0、true/false、yes/no、是/否）；空值视为非自备井。STATUS_FIELD（默认 status）：状态为停用或注销的井（停用、注销等，见规则文件 screening.closure_list）不列入，并在日志中统计；其他状态均视为在用。VOLUME_FIELD（默认 metered_m3）给出腾出水量；为空时使用 FALLBACK_VOLUME_FIELD（默认 permit_m3），freed_from 字段注明取自哪个字段。ID_FIELD（默认 well_id）用于在提示信息中标识井。SUPPLY_PIPES 加 COVERAGE_DISTANCE（米，精确距离）和/或 SUPPLY_AREAS 定义覆盖范围，至少提供一个。TOWNSHIPS 加 TOWNSHIP_NAME_FIELD（默认 name_zh）确定每眼井所属乡镇。RULES：规则文件。

输出：列入清单的井，保留全部属性，另加 supply_distance_m、in_supply_coverage、township、freed_m3（m³/年）和 freed_from。腾出水量合计记入日志并作为 FREED_M3_TOTAL 返回，井数作为 COUNT_LISTED 返回。</translation>
        </message>
        <message>
            <source>No status field: every self-supplied well is treated as active.</source>
            <translation type="vanished">无状态字段：所有自备井均视为在用。</translation>
        </message>
        <message>
            <source>No supply layer: give SUPPLY_PIPES (public supply pipes), SUPPLY_AREAS (supply coverage areas) or both. Notice item 13 bans new self-supplied wells inside supply coverage, so coverage must be known.</source>
            <translation type="vanished">缺少供水图层：请提供 SUPPLY_PIPES（公共供水管网）、SUPPLY_AREAS（供水覆盖范围）或两者。通知第13条禁止在公共供水管网覆盖范围内新建自备井，因此必须知道覆盖范围。</translation>
        </message>
        <message>
            <source>Permits and screening</source>
            <translation type="vanished">取水许可与选址筛查</translation>
        </message>
        <message>
            <source>Public supply pipes (lines)</source>
            <translation type="vanished">公共供水管网（线）</translation>
        </message>
        <message>
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation type="vanished">规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <source>Self-supplied field (yes/no, 是/否)</source>
            <translation type="vanished">是否自备井字段（yes/no，是/否）</translation>
        </message>
        <message>
            <source>Self-supplied wells inside supply coverage (control list, item 13)</source>
            <translation type="vanished">公共供水管网覆盖范围内的自备井（管控清单，第13条）</translation>
        </message>
        <message>
            <source>Self-supplied wells under control</source>
            <translation type="vanished">管控自备井</translation>
        </message>
        <message>
            <source>Status field (stopped / deregistered wells are left out)</source>
            <translation type="vanished">状态字段（停用 / 注销的井不列入）</translation>
        </message>
        <message>
            <source>Supply coverage areas (polygons)</source>
            <translation type="vanished">供水覆盖范围（多边形）</translation>
        </message>
        <message>
            <source>Township name field</source>
            <translation type="vanished">乡镇名称字段</translation>
        </message>
        <message>
            <source>Townships (polygons)</source>
            <translation type="vanished">乡镇（多边形）</translation>
        </message>
        <message>
            <source>Volume field used where the first is empty (m³)</source>
            <translation type="vanished">前一字段为空时使用的水量字段（m³）</translation>
        </message>
        <message>
            <source>Well id field (for messages)</source>
            <translation type="vanished">井编号字段（用于提示信息）</translation>
        </message>
        <message>
            <source>Wells listed</source>
            <translation type="vanished">列入清单的井数</translation>
        </message>
        <message>
            <source>{listed} active self-supplied well(s) inside supply coverage (of {self_supplied} self-supplied, {wells} wells); they draw {total:,.0f} m³ a year.</source>
            <translation type="vanished">公共供水管网覆盖范围内有在用自备井 {listed} 眼（自备井共 {self_supplied} 眼，取水井共 {wells} 眼）；年取水量合计 {total:,.0f} m³。</translation>
        </message>
    </context>
    <context>
        <name>SelfSuppliedClosureListAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <source>1/0, true/false, yes/no, 是/否; empty counts as not self-supplied.</source>
            <translation type="vanished">1/0、true/false、yes/no、是/否；空值视为非自备井。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>A well inside a polygon is inside public supply coverage. Give pipes, areas or both.</source>
            <translation>位于多边形内的井即在公共供水管网覆盖范围内。提供管网、覆盖范围或两者。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>A well within the coverage distance of a pipe is inside public supply coverage (notice item 13).</source>
            <translation>距管网在覆盖距离以内的井即在公共供水管网覆盖范围内（通知第13条）。</translation>
        </message>
        <message>
            <source>Also 1/0, true/false; empty = not self-supplied.</source>
            <translation type="vanished">也可为 1/0、true/false；空值 = 非自备井。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Annual volume field (m³)</source>
            <translation>年水量字段（m³）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Annual volume they draw, freed if switched to the network (m³)</source>
            <translation>年取水量（改由管网供水后可腾出，m³）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Any CRS.</source>
            <translation>任意坐标系。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>By the rules file's screening.well_types lists: domestic and industrial wells are self-supplied (自备井), public supply, monitoring, emergency and farm irrigation wells are not (an assumption the rules file explains). A well neither field tells is not listed, and the log counts it.</source>
            <translation>按规则文件 screening.well_types 所列：生活、工业用井为自备井，公共供水、监测、应急和农业灌溉井不是（此为假设，规则文件说明理由）。两个字段均未说明的井不列入清单，并在日志中统计。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="329" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" line="145" />
            <source>Could not write feature {fid} to the output.</source>
            <translation>无法将要素 {fid} 写入输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Coverage distance from a pipe (metres)</source>
            <translation>距管网的覆盖距离（米）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Existing wells (points)</source>
            <translation>现有取水井（点）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Lists the existing self-supplied wells (自备井) that lie inside public water-supply coverage — the wells notice 托政发规〔2024〕3号 item 13 places under strict control according to law (依法严格管控) — with the annual volume each one draws, which switching it to the network would free.</source>
            <translation>列出位于公共供水管网覆盖范围内的现有自备井——托政发规〔2024〕3号 第13条要求依法严格管控的井——以及每眼井的年取水量（改由管网供水后可腾出）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Measured exactly in metres, in a projected CRS whatever the layers' CRS; a well at exactly this distance counts as covered.</source>
            <translation>无论图层坐标系如何，均在米制投影坐标系中精确量算距离；距管网恰好等于该距离的井视为被覆盖。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Permits and screening</source>
            <translation>取水许可与选址筛查</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Public supply pipes (lines)</source>
            <translation>公共供水管网（线）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Self-supplied field (yes/no, 是/否)</source>
            <translation>是否自备井字段（yes/no，是/否）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Self-supplied wells inside supply coverage (control list, item 13)</source>
            <translation>公共供水管网覆盖范围内的自备井（管控清单，第13条）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Self-supplied wells under control</source>
            <translation>管控自备井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Status field (stopped / deregistered wells are left out)</source>
            <translation>状态字段（停用 / 注销的井不列入）</translation>
        </message>
        <message>
            <source>Stopped or deregistered (停用, 注销, … see the rules file's screening.closure_list) wells are left out and counted in the log; any other status counts as active.</source>
            <translation type="vanished">状态为停用或注销的井（停用、注销等，见规则文件 screening.closure_list）不列入，并在日志中统计；其他状态均视为在用。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Stopped, deregistered or sealed (停用, 注销, 封填, … see the rules file's screening.closure_list) wells are left out and counted in the log; any other status counts as active.</source>
            <translation>状态为停用、注销或封填的井（停用、注销、封填等，见规则文件 screening.closure_list）不列入，并在日志中统计；其他状态均视为在用。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Supply coverage areas (polygons)</source>
            <translation>供水覆盖范围（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>The field freed_from says which volume was used.</source>
            <translation>freed_from 字段注明取自哪个水量字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>The listed wells with all their attributes plus supply_distance_m, in_supply_coverage, township, freed_m3 (m³/year) and freed_from.</source>
            <translation>列入清单的井，保留全部属性，另加 supply_distance_m、in_supply_coverage、township、freed_m3（m³/年）和 freed_from。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>The register's own answer decides first (also 1/0, true/false); where a cell is empty, USE_FIELD decides.</source>
            <translation>台账本身注明的优先（也可为 1/0、true/false）；为空时按用途字段判断。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>The volume freed.</source>
            <translation>腾出的水量。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Township name field</source>
            <translation>乡镇名称字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Townships (polygons)</source>
            <translation>乡镇（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>USE_FIELD alone decides which wells are self-supplied</source>
            <translation>仅按用途字段判断哪些井为自备井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Use field (decides where the self-supplied field says nothing)</source>
            <translation>用途字段（自备井字段未注明时据以判断）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Volume field used where the first is empty (m³)</source>
            <translation>前一字段为空时使用的水量字段（m³）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Well id field (for messages)</source>
            <translation>井编号字段（用于提示信息）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>Wells listed</source>
            <translation>列入清单的井数</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>a well with an empty self-supplied cell is not listed (its kind is unknown)</source>
            <translation>自备井字段为空的井不列入清单（类型不明）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>every self-supplied well is treated as active</source>
            <translation>所有自备井均视为在用</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>only the annual volume field is used</source>
            <translation>只使用年水量字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" />
            <source>wells are named by feature id</source>
            <translation>以要素编号标识取水井</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/self_supplied_closure_list.py" line="105" />
            <source>{listed} active self-supplied well(s) inside supply coverage (of {self_supplied} self-supplied, {wells} wells); they draw {total:,.0f} m³ a year.</source>
            <translation>公共供水管网覆盖范围内有在用自备井 {listed} 眼（自备井共 {self_supplied} 眼，取水井共 {wells} 眼）；年取水量合计 {total:,.0f} m³。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>SiteChecker</name>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="497" />
            <source>A layer has no coordinate reference system</source>
            <translation>有图层没有坐标参考系</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="386" />
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="400" />
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="610" />
            <source>Check well site</source>
            <translation>井址核查</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="323" />
            <source>Checked in</source>
            <translation>核查用时</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="490" />
            <source>Choose the township name field</source>
            <translation>请选择乡镇名称字段</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="483" />
            <source>Choose the zone grade field</source>
            <translation>请选择超采等级字段</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="581" />
            <source>Click the map first, then write the decision for that site.</source>
            <translation>请先在地图上点击井位，再为该井位生成意见书。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="287" />
            <source>Click the map to check a well site.</source>
            <translation>在地图上点击以核查井址。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="183" />
            <source>Coverage distance</source>
            <translation>覆盖距离</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="603" />
            <source>Decision written:</source>
            <translation>意见书已生成：</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="610" />
            <source>Decision written: {path}</source>
            <translation>意见书已生成：{path}</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="190" />
            <source>Existing wells (interference)</source>
            <translation>现有取水井（干扰计算）</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="586" />
            <source>Give the requested annual volume (m³/a) in the panel: the decision compares it with the township's remaining quota (item 8) and computes the drawdown from it. Then click the site again.</source>
            <translation>请在面板中填写申请年取水量（m³/年）：审查意见书将其与所在乡镇剩余指标比较（第8条）并据以计算降深。然后再次点击井位。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="320" />
            <source>In supply coverage</source>
            <translation>位于供水管网覆盖范围内</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="316" />
            <source>Kind of well (item 13)</source>
            <translation>井的类型（第13条）</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="498" />
            <source>Layer '{layer}' has no CRS, so distances cannot be measured: set it in Layer Properties ▸ Source.</source>
            <translation>图层“{layer}”没有坐标参考系，无法量算距离：请在“图层属性 ▸ 源”中设置。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="491" />
            <source>Layer '{layer}' needs a field with the township name: choose it in the panel's 'Township name field'.</source>
            <translation>图层“{layer}”需要一个乡镇名称字段：请在面板的“乡镇名称字段”中选择。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="484" />
            <source>Layer '{layer}' needs a field with the zone grade (severe / general, 严重 / 一般): choose it in the panel's 'Zone grade field'.</source>
            <translation>图层“{layer}”需要一个超采等级字段（severe / general，严重 / 一般）：请在面板的“超采等级字段”中选择。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="315" />
            <source>Legal basis</source>
            <translation>法律依据</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="319" />
            <source>Nearest supply pipe</source>
            <translation>最近供水管网</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="278" />
            <source>No layer is named like the sample's zones or has a zone grade field (grade / 超采等级). Pick the over-extraction zones layer and its grade field above.</source>
            <translation>没有与示例超采区同名或带超采等级字段（grade / 超采等级）的图层。请在上方选择超采区图层及其等级字段。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="477" />
            <source>No over-extraction zones layer</source>
            <translation>未选择超采区图层</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="277" />
            <source>No over-extraction zones layer was found</source>
            <translation>未找到超采区图层</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="585" />
            <source>No requested volume</source>
            <translation>未填写申请水量</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="581" />
            <source>No site checked yet</source>
            <translation>尚未检查井位</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="479" />
            <source>No supply layer</source>
            <translation>未选择供水图层</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="179" />
            <source>Over-extraction zones</source>
            <translation>超采区</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="479" />
            <source>Pick a supply pipes layer or a supply areas layer in the panel.</source>
            <translation>请在面板中选择供水管网图层或供水覆盖范围图层。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="477" />
            <source>Pick the over-extraction zones layer in the panel.</source>
            <translation>请在面板中选择超采区图层。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="188" />
            <source>Proposed use</source>
            <translation>拟用途</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="314" />
            <source>Reasons</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="187" />
            <source>Remaining quota field (m³)</source>
            <translation>剩余红线指标字段（m³）</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="189" />
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="317" />
            <source>Requested volume</source>
            <translation>申请取水量</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="184" />
            <source>Supply areas</source>
            <translation>供水覆盖范围</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="182" />
            <source>Supply pipes</source>
            <translation>供水管网</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="596" />
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="599" />
            <source>The decision could not be written</source>
            <translation>无法生成意见书</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="558" />
            <source>The layers cannot be screened</source>
            <translation>无法用这些图层筛查</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="562" />
            <source>The site cannot be checked</source>
            <translation>无法核查该井址</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="322" />
            <source>Township</source>
            <translation>乡镇</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="186" />
            <source>Township name field</source>
            <translation>乡镇名称字段</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="185" />
            <source>Townships (red line)</source>
            <translation>乡镇（用水总量控制红线）</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="201" />
            <source>Write permit decision</source>
            <translation>生成取水许可审查意见书</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="203" />
            <source>Write the decision document (PDF and HTML) for the last clicked site</source>
            <translation>为最近点击的井位生成审查意见书（PDF 和 HTML）</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="321" />
            <source>Zone</source>
            <translation>超采区</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="180" />
            <source>Zone grade field</source>
            <translation>超采等级字段</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="181" />
            <source>Zone name field</source>
            <translation>超采区名称字段</translation>
        </message>
        <message>
            <source>allowed</source>
            <translation type="vanished">允许</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="652" />
            <source>clicked site</source>
            <translation>点击的井位</translation>
        </message>
        <message>
            <source>domestic supply, no alternative source</source>
            <translation type="vanished">无替代水源的生活用水</translation>
        </message>
        <message>
            <source>emergency supply well</source>
            <translation type="vanished">应急供水井</translation>
        </message>
        <message>
            <source>in a general over-extraction zone</source>
            <translation type="vanished">位于一般超采区</translation>
        </message>
        <message>
            <source>in a severe over-extraction zone</source>
            <translation type="vanished">位于严重超采区</translation>
        </message>
        <message>
            <source>inside public supply-network coverage</source>
            <translation type="vanished">位于公共供水管网覆盖范围内</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="225" />
            <source>kind not known</source>
            <translation>类型未明</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="544" />
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="637" />
            <source>map canvas</source>
            <translation>地图画布</translation>
        </message>
        <message>
            <source>monitoring well</source>
            <translation type="vanished">监测井</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="320" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>no location</source>
            <translation type="vanished">无位置</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="302" />
            <source>no verdict</source>
            <translation>无结论</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="171" />
            <source>not given</source>
            <translation>未填写</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="318" />
            <source>not given: not compared with the township's remaining quota (item 8)</source>
            <translation>未填写：未与所在乡镇剩余指标比较（第8条）</translation>
        </message>
        <message>
            <source>ordinary new well</source>
            <translation type="vanished">普通新建井</translation>
        </message>
        <message>
            <source>outside the mapped area</source>
            <translation type="vanished">位于图层范围外</translation>
        </message>
        <message>
            <source>outside the mapped area — no verdict</source>
            <translation type="vanished">图层范围外——不作结论</translation>
        </message>
        <message>
            <source>prohibited</source>
            <translation type="vanished">禁止</translation>
        </message>
        <message>
            <source>public supply well (the utility's)</source>
            <translation type="vanished">公共供水井（供水单位的）</translation>
        </message>
        <message>
            <source>restricted</source>
            <translation type="vanished">限制</translation>
        </message>
        <message>
            <source>self-supplied well (自备井)</source>
            <translation type="vanished">自备井</translation>
        </message>
        <message>
            <source>statutory exception for this use</source>
            <translation type="vanished">该用途属法定例外</translation>
        </message>
        <message>
            <source>the township's red-line quota is used up</source>
            <translation type="vanished">所在乡镇用水总量控制红线指标已用完</translation>
        </message>
        <message>
            <source>type not known</source>
            <translation type="vanished">类型不明</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="320" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/site_checker.py" line="317" />
            <source>{volume} m³/a, compared with the township's remaining quota (item 8)</source>
            <translation>{volume} m³/年，已与所在乡镇剩余指标比较（第8条）</translation>
        </message>
    </context>
    <context>
        <name>SummarisedLog</name>
        <message>
            <location filename="../../processing_algs/base.py" line="665" />
            <source>{n} more line(s) like “{like}” ({total} in all).</source>
            <translation>另有 {n} 条与“{like}”类似的提示（共 {total} 条）。</translation>
        </message>
    </context>
    <context>
        <name>SupervisionReport</name>
        <message>
            <source>Abstraction against recharge (output of the balance algorithm)</source>
            <translation type="vanished">开采量与补给量对比（采补平衡算法的输出）</translation>
        </message>
        <message>
            <source>Annual supervision report (PDF / HTML)</source>
            <translation type="vanished">年度监管报告（PDF / HTML）</translation>
        </message>
        <message>
            <source>Building the report…</source>
            <translation type="vanished">正在生成报告…</translation>
        </message>
        <message>
            <source>Chinese (中文)</source>
            <translation type="vanished">中文</translation>
        </message>
        <message>
            <source>Compliance findings (output of Compliance audit)</source>
            <translation type="vanished">合规检查问题（“取水井合规检查”的输出）</translation>
        </message>
        <message>
            <source>Coverage distance from a pipe (metres; empty = rules file default)</source>
            <translation type="vanished">距管网的覆盖距离（米；留空 = 规则文件默认值）</translation>
        </message>
        <message>
            <source>English</source>
            <translation type="vanished">英文</translation>
        </message>
        <message>
            <source>Fees (output of Progressive surcharge)</source>
            <translation type="vanished">水资源费（“超计划累进加价”的输出）</translation>
        </message>
        <message>
            <source>HTML files (*.html)</source>
            <translation type="vanished">HTML 文件 (*.html)</translation>
        </message>
        <message>
            <source>HTML report written to {path}</source>
            <translation type="vanished">HTML 报告已写入 {path}</translation>
        </message>
        <message>
            <source>Layer '{layer}' (SCREENING) has no field 'verdict': give the OUTPUT of Screen well sites, or pass the wells as WELLS.</source>
            <translation type="vanished">图层“{layer}”（SCREENING）没有字段 verdict：请提供“井址筛查”的输出，或将取水井作为 WELLS 传入。</translation>
        </message>
        <message>
            <source>Over-extraction zones (polygons)</source>
            <translation type="vanished">超采区（多边形）</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation type="vanished">PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>PDF report written to {path}</source>
            <translation type="vanished">PDF 报告已写入 {path}</translation>
        </message>
        <message>
            <source>Printing the PDF…</source>
            <translation type="vanished">正在输出 PDF…</translation>
        </message>
        <message>
            <source>Public supply pipes (lines)</source>
            <translation type="vanished">公共供水管网（线）</translation>
        </message>
        <message>
            <source>Reading the layers…</source>
            <translation type="vanished">正在读取图层…</translation>
        </message>
        <message>
            <source>Report (HTML)</source>
            <translation type="vanished">报告（HTML）</translation>
        </message>
        <message>
            <source>Report (PDF)</source>
            <translation type="vanished">报告（PDF）</translation>
        </message>
        <message>
            <source>Report language</source>
            <translation type="vanished">报告语言</translation>
        </message>
        <message>
            <source>Report title</source>
            <translation type="vanished">报告标题</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation type="vanished">报告</translation>
        </message>
        <message>
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation type="vanished">规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <source>Screened wells (output of Screen well sites)</source>
            <translation type="vanished">已筛查的取水井（“井址筛查”的输出）</translation>
        </message>
        <message>
            <source>Screening {n} wells…</source>
            <translation type="vanished">正在筛查 {n} 眼井…</translation>
        </message>
        <message>
            <source>Supply coverage areas (polygons)</source>
            <translation type="vanished">供水覆盖范围（多边形）</translation>
        </message>
        <message>
            <source>The wells of '{layer}' are drawn without verdicts: screening needs ZONES and SUPPLY_PIPES or SUPPLY_AREAS.</source>
            <translation type="vanished">图层“{layer}”的取水井未标注筛查结论：筛查需要 ZONES 以及 SUPPLY_PIPES 或 SUPPLY_AREAS。</translation>
        </message>
        <message>
            <source>Township name field</source>
            <translation type="vanished">乡镇名称字段</translation>
        </message>
        <message>
            <source>Townships (polygons)</source>
            <translation type="vanished">乡镇（多边形）</translation>
        </message>
        <message>
            <source>Water rights (output of Farm water rights)</source>
            <translation type="vanished">水权（“农业用水权初始分配”的输出）</translation>
        </message>
        <message>
            <source>Wells (screened here when no screened wells are given, else drawn in grey)</source>
            <translation type="vanished">取水井（未提供筛查结果时在此筛查，否则以灰色显示）</translation>
        </message>
        <message>
            <source>Wells to screen for the map (if no screened wells)</source>
            <translation type="vanished">用于地图的待筛查取水井（未提供筛查结果时）</translation>
        </message>
        <message>
            <source>Writes the annual groundwater supervision report of Toli County as a PDF (and optionally an HTML page) that a water bureau can hand on: a county map with the over-extraction zones, public supply-network coverage and the wells coloured by screening verdict; the total-use red line per township; abstraction against allowable abstraction per township with the cut needed to reach abstraction-recharge balance; fees by band of the progressive surcharge for use over plan; the compliance findings; the farm water-rights summary. Every input is optional: a section without data says so.

TOWNSHIPS: township polygons (name, red_line_m3, used_m3); TOWNSHIP_NAME_FIELD (default name_zh). ZONES: over-extraction zones; ZONE_GRADE_FIELD (default grade: severe / general, 严重 / 一般). SUPPLY_AREAS, SUPPLY_PIPES: public supply coverage; COVERAGE_DISTANCE: metres around the pipes (default from the rules file). SCREENING: the OUTPUT of 'Screen well sites' (wells with a verdict); or WELLS: wells to screen here with the same engine (needs ZONES and a supply layer; else they are drawn unscreened). BALANCE: OUTPUT of 'Abstraction against recharge'. SURCHARGE: OUTPUT (or OUTPUT_SUMMARY) of 'Progressive surcharge'. FINDINGS: OUTPUT of 'Compliance audit'. WATER_RIGHTS: OUTPUT_TOWNSHIPS (or OUTPUT) of 'Farm water rights'. YEAR: the year the report covers. LANGUAGE: 0 Chinese (default), 1 English. RULES: rules file.

Outputs: OUTPUT_PDF (A4, Chinese glyphs from an installed CJK font such as Noto Sans CJK SC; without one a Chinese report stops and says to install fonts-noto-cjk) and OUTPUT_HTML (one self-contained page, figures embedded).

Legal basis: notice 托政发规〔2024〕3号 items 7–13, 16 and 18 (section 二(三) for the severe over-extraction areas 阿克别里斗乡 and 多拉特乡); grading after GB/T 34968-2017.</source>
            <translation type="vanished">生成托里县地下水监管年度报告（PDF，可选 HTML），供水行政主管部门印发、存档：县域图（超采区、公共供水管网覆盖范围、按筛查结论着色的取水井）；各乡镇用水总量控制红线执行情况；各乡镇开采量与可开采量对比及达到采补平衡所需压减量；超计划累进加价分档水资源费；合规检查问题；农业用水权分配汇总。所有输入均为可选：缺少数据的章节会注明。

TOWNSHIPS：乡镇多边形（名称、red_line_m3、used_m3）；TOWNSHIP_NAME_FIELD（默认 name_zh）。ZONES：超采区；ZONE_GRADE_FIELD（默认 grade：severe / general，严重 / 一般）。SUPPLY_AREAS、SUPPLY_PIPES：公共供水管网覆盖范围；COVERAGE_DISTANCE：管网周边覆盖距离（米，默认取自规则文件）。SCREENING：“井址筛查”的 OUTPUT（带结论的取水井）；或 WELLS：在此用同一引擎筛查的取水井（需要 ZONES 和一个供水图层，否则不标注结论）；与 SCREENING 同时提供时，WELLS 以灰色绘于筛查结果之下（例如本年度取水申请之下的现有取水井）。BALANCE：“开采量与补给量对比”的 OUTPUT。SURCHARGE：“超计划累进加价”的 OUTPUT（或 OUTPUT_SUMMARY）。FINDINGS：“取水井合规检查”的 OUTPUT。WATER_RIGHTS：“农业用水权初始分配”的 OUTPUT_TOWNSHIPS（或 OUTPUT）。YEAR：报告年度。LANGUAGE：0 中文（默认），1 英文。RULES：规则文件。

输出：OUTPUT_PDF（A4，中文使用已安装的 CJK 字体，如 Noto Sans CJK SC；未安装时中文报告会停止并提示安装 fonts-noto-cjk）和 OUTPUT_HTML（单个自包含网页，图件内嵌）。

法律依据：托政发规〔2024〕3号 第7–13条、第16条和第18条（严重超采区阿克别里斗乡、多拉特乡见第二部分（三））；超采等级参照 GB/T 34968-2017。</translation>
        </message>
        <message>
            <source>Writes the annual groundwater supervision report of Toli County as a PDF (and optionally an HTML page) that a water bureau can hand on: a county map with the over-extraction zones, public supply-network coverage and the wells coloured by screening verdict; the total-use red line per township; abstraction against allowable abstraction per township with the cut needed to reach abstraction-recharge balance; fees by band of the progressive surcharge for use over plan; the compliance findings; the farm water-rights summary. Every input is optional: a section without data says so.

TOWNSHIPS: township polygons (name, red_line_m3, used_m3); TOWNSHIP_NAME_FIELD (default name_zh). ZONES: over-extraction zones; ZONE_GRADE_FIELD (default grade: severe / general, 严重 / 一般). SUPPLY_AREAS, SUPPLY_PIPES: public supply coverage; COVERAGE_DISTANCE: metres around the pipes (default from the rules file). SCREENING: the OUTPUT of 'Screen well sites' (wells with a verdict); or WELLS: wells to screen here with the same engine (needs ZONES and a supply layer; else they are drawn unscreened); given with SCREENING, WELLS are drawn in grey under the screened wells (e.g. the existing wells under the year's applications). BALANCE: OUTPUT of 'Abstraction against recharge'. SURCHARGE: OUTPUT (or OUTPUT_SUMMARY) of 'Progressive surcharge'. FINDINGS: OUTPUT of 'Compliance audit'. WATER_RIGHTS: OUTPUT_TOWNSHIPS (or OUTPUT) of 'Farm water rights'. YEAR: the year the report covers. LANGUAGE: 0 Chinese (default), 1 English. RULES: rules file.

Outputs: OUTPUT_PDF (A4, Chinese glyphs from an installed CJK font such as Noto Sans CJK SC; without one a Chinese report stops and says to install fonts-noto-cjk) and OUTPUT_HTML (one self-contained page, figures embedded).

Legal basis: notice 托政发规〔2024〕3号 items 7–13, 16 and 18 (section 二(三) for the severe over-extraction areas 阿克别里斗乡 and 多拉特乡); grading after GB/T 34968-2017.</source>
            <translation type="vanished">生成托里县地下水监管年度报告（PDF，可选 HTML），供水行政主管部门印发、存档：县域图（超采区、公共供水管网覆盖范围、按筛查结论着色的取水井）；各乡镇用水总量控制红线执行情况；各乡镇开采量与可开采量对比及达到采补平衡所需压减量；超计划累进加价分档水资源费；合规检查问题；农业用水权分配汇总。所有输入均为可选：缺少数据的章节会注明。

TOWNSHIPS：乡镇多边形（名称、red_line_m3、used_m3）；TOWNSHIP_NAME_FIELD（默认 name_zh）。ZONES：超采区；ZONE_GRADE_FIELD（默认 grade：severe / general，严重 / 一般）。SUPPLY_AREAS、SUPPLY_PIPES：公共供水管网覆盖范围；COVERAGE_DISTANCE：管网周边覆盖距离（米，默认取自规则文件）。SCREENING：“井址筛查”的 OUTPUT（带结论的取水井）；或 WELLS：在此用同一引擎筛查的取水井（需要 ZONES 和一个供水图层，否则不标注结论）；与 SCREENING 同时提供时，WELLS 以灰色绘于筛查结果之下（例如本年度取水申请之下的现有取水井）。BALANCE：“开采量与补给量对比”的 OUTPUT。SURCHARGE：“超计划累进加价”的 OUTPUT（或 OUTPUT_SUMMARY）。FINDINGS：“取水井合规检查”的 OUTPUT。WATER_RIGHTS：“农业用水权初始分配”的 OUTPUT_TOWNSHIPS（或 OUTPUT）。YEAR：报告年度。LANGUAGE：0 中文（默认），1 英文。RULES：规则文件。

输出：OUTPUT_PDF（A4，中文使用已安装的 CJK 字体，如 Noto Sans CJK SC；未安装时中文报告会停止并提示安装 fonts-noto-cjk）和 OUTPUT_HTML（单个自包含网页，图件内嵌）。

法律依据：托政发规〔2024〕3号 第7–13条、第16条和第18条（严重超采区阿克别里斗乡、多拉特乡见第二部分（三））；超采等级参照 GB/T 34968-2017。</translation>
        </message>
        <message>
            <source>Year of the report</source>
            <translation type="vanished">报告年度</translation>
        </message>
        <message>
            <source>Zone grade field (severe / general, 严重 / 一般)</source>
            <translation type="vanished">超采区等级字段（severe / general，严重 / 一般）</translation>
        </message>
    </context>
    <context>
        <name>SupervisionReportAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>A well inside a polygon is inside public supply coverage. Give pipes, areas or both.</source>
            <translation>位于多边形内的井即在公共供水管网覆盖范围内。提供管网、覆盖范围或两者。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>A well within the coverage distance of a pipe is inside public supply coverage (notice item 13).</source>
            <translation>距管网在覆盖距离以内的井即在公共供水管网覆盖范围内（通知第13条）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>A4; Chinese glyphs from an installed CJK font such as Noto Sans CJK SC (without one a Chinese report stops and says to install fonts-noto-cjk).</source>
            <translation>A4；中文使用已安装的 CJK 字体，如 Noto Sans CJK SC（未安装时中文报告会停止并提示安装 fonts-noto-cjk）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Abstraction against recharge (output of the balance algorithm)</source>
            <translation>开采量与补给量对比（采补平衡算法的输出）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Annual supervision report (PDF / HTML)</source>
            <translation>年度监管报告（PDF / HTML）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" line="162" />
            <source>Building the report…</source>
            <translation>正在生成报告…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Chinese by default, English on request.</source>
            <translation>默认中文，可选英文。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Compliance findings (output of Compliance audit)</source>
            <translation>合规检查问题（“取水井合规检查”的输出）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Coverage distance from a pipe (empty = rules file)</source>
            <translation>距管网的覆盖距离（留空 = 规则文件）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Empty: the last full calendar year, the one an annual report covers.</source>
            <translation>留空：上一个完整日历年度，即年度报告所涵盖的年度。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Fees (output of Progressive surcharge)</source>
            <translation>水资源费（“超计划累进加价”的输出）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>HTML files (*.html)</source>
            <translation>HTML 文件 (*.html)</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" line="172" />
            <source>HTML report written to {path}</source>
            <translation>HTML 报告已写入 {path}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>In metres; empty takes the rules file's screening.default_coverage_distance_m.</source>
            <translation>单位为米；留空则取规则文件的 screening.default_coverage_distance_m。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Its OUTPUT_TOWNSHIPS; rendered as an annex: the measures per township and the year balance is reached.</source>
            <translation>其 OUTPUT_TOWNSHIPS；作为附件列出各乡镇的措施及达到采补平衡的年份。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Its accounts output or its summary table.</source>
            <translation>其取水户输出或汇总表。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Its per-township output (or per parcel).</source>
            <translation>其按乡镇的输出（或按地块的输出）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" line="141" />
            <source>Layer '{layer}' (SCREENING) has no field 'verdict': give the OUTPUT of Screen well sites, or pass the wells as WELLS.</source>
            <translation>图层“{layer}”（SCREENING）没有字段 verdict：请提供“井址筛查”的输出，或将取水井作为 WELLS 传入。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" line="157" />
            <source>No layer was given: every section of the report will say 'not provided'. Give at least one of {keys} (each fills its section).</source>
            <translation>未提供任何图层：报告各节都将注明“未提供”。请至少提供 {keys} 中的一项（每项填充对应的一节）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>One self-contained page, figures embedded.</source>
            <translation>单个自包含网页，图件内嵌。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Over-extraction zones (polygons)</source>
            <translation>超采区（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" line="178" />
            <source>PDF report written to {path}</source>
            <translation>PDF 报告已写入 {path}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" line="175" />
            <source>Printing the PDF…</source>
            <translation>正在输出 PDF…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Public supply pipes (lines)</source>
            <translation>公共供水管网（线）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" line="131" />
            <source>Reading the layers…</source>
            <translation>正在读取图层…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Reduction plan (output of Reduction plan, per township)</source>
            <translation>压减计划（“压减计划”的分乡镇输出）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Report (HTML)</source>
            <translation>报告（HTML）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Report (PDF)</source>
            <translation>报告（PDF）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Report language</source>
            <translation>报告语言</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Report title</source>
            <translation>报告标题</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Reports</source>
            <translation>报告</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Screened here with the same engine when zones and a supply layer are given (else drawn unscreened); given with screened wells, they are drawn in grey under them (e.g. the existing wells under the year's applications).</source>
            <translation>提供超采区和供水图层时在此用同一引擎筛查（否则不标注结论）；与已筛查的井同时提供时，以灰色绘于其下（例如本年度取水申请之下的现有取水井）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Screened wells (output of Screen well sites)</source>
            <translation>已筛查的取水井（“井址筛查”的输出）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" line="192" />
            <source>Screening {n} wells…</source>
            <translation>正在筛查 {n} 眼井…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Supply coverage areas (polygons)</source>
            <translation>供水覆盖范围（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" line="187" />
            <source>The wells of '{layer}' are drawn without verdicts: screening needs ZONES and SUPPLY_PIPES or SUPPLY_AREAS.</source>
            <translation>图层“{layer}”的取水井未标注筛查结论：筛查需要 ZONES 以及 SUPPLY_PIPES 或 SUPPLY_AREAS。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Township name field</source>
            <translation>乡镇名称字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Townships (polygons)</source>
            <translation>乡镇（多边形）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Water rights (output of Farm water rights)</source>
            <translation>水权（“农业用水权初始分配”的输出）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Wells (screened here when no screened wells are given, else drawn in grey)</source>
            <translation>取水井（未提供筛查结果时在此筛查，否则以灰色显示）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Wells with a verdict.</source>
            <translation>带筛查结论的取水井。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>With name, red_line_m3 and used_m3.</source>
            <translation>含名称、red_line_m3 和 used_m3。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <source>Writes the annual groundwater supervision report of Toli County as a PDF (and optionally an HTML page) that a water bureau can hand on: a county map with the over-extraction zones, public supply-network coverage and the wells coloured by screening verdict; the total-use red line per township; abstraction against allowable abstraction per township with the cut needed to reach abstraction-recharge balance; fees by band of the progressive surcharge for use over plan; the compliance findings; the farm water-rights summary. Every input is optional: a section without data says so.

Legal basis: notice 托政发规〔2024〕3号 items 7–13, 16 and 18 (section 二(三) for the severe over-extraction areas 阿克别里斗乡 and 多拉特乡); grading after GB/T 34968-2017.</source>
            <translation type="vanished">生成托里县地下水监管年度报告（PDF，可选 HTML），供水行政主管部门印发、存档：县域图（超采区、公共供水管网覆盖范围、按筛查结论着色的取水井）；各乡镇用水总量控制红线执行情况；各乡镇开采量与可开采量对比及达到采补平衡所需压减量；超计划累进加价分档水资源费；合规检查问题；农业用水权分配汇总。所有输入均为可选：缺少数据的章节会注明。

法律依据：托政发规〔2024〕3号 第7–13条、第16条和第18条（严重超采区阿克别里斗乡、多拉特乡见第二部分（三））；超采等级参照 GB/T 34968-2017。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Writes the annual groundwater supervision report of Toli County as a PDF (and optionally an HTML page) that a water bureau can hand on: a county map with the over-extraction zones, public supply-network coverage and the wells coloured by screening verdict; the total-use red line per township; abstraction against allowable abstraction per township with the cut needed to reach abstraction-recharge balance; fees by band of the progressive surcharge for use over plan; the compliance findings; the farm water-rights summary; as an annex, the reduction plan per township (measures, and the year balance is reached). Every input is optional: a section without data says so.

Legal basis: notice 托政发规〔2024〕3号 items 7–13, 16 and 18 (section 二(三) for the severe over-extraction areas 阿克别里斗乡 and 多拉特乡); grading after GB/T 34968-2017.</source>
            <translation>生成托里县地下水监管年度报告（PDF，可选 HTML），供水行政主管部门印发、存档：县域图（超采区、公共供水管网覆盖范围、按筛查结论着色的取水井）；各乡镇用水总量控制红线执行情况；各乡镇开采量与可开采量对比及达到采补平衡所需压减量；超计划累进加价分档水资源费；合规检查问题；农业用水权分配汇总；附件：各乡镇压减计划（措施及达到采补平衡的年份）。所有输入均为可选：缺少数据的章节会注明。

法律依据：托政发规〔2024〕3号 第7–13条、第16条和第18条（严重超采区阿克别里斗乡、多拉特乡见二（三））；超采等级参照 GB/T 34968-2017。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Year of the report</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <location filename="../../processing_algs/supervision_report.py" />
            <source>Zone grade field (severe / general, 严重 / 一般)</source>
            <translation>超采区等级字段（severe / general，严重 / 一般）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
    <context>
        <name>TuoliAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="704" />
            <source>Could not remove the incomplete output {0}: {1}</source>
            <translation>无法删除未完成的输出 {0}：{1}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="727" />
            <source>Could not store the style in {0}: {1}</source>
            <translation>无法将样式保存到 {0}：{1}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/compliance_audit.py" line="182" />
            <source>Could not write finding {n} to the output.</source>
            <translation>无法将第 {n} 个问题写入输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/abstraction_recharge_balance.py" line="120" />
            <source>Could not write grid cell {cell} to the output.</source>
            <translation>无法将网格单元 {cell} 写入输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/allocate_water_rights.py" line="265" />
            <source>Could not write township {name} to the output.</source>
            <translation>无法将乡镇 {name} 写入输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="484" />
            <source>Layer '{0}' holds {1}, but '{2}' ({3}) needs {4}. Choose a layer of {4} (Vector ▸ Geometry Tools can convert, e.g. Centroids for polygons to points).</source>
            <translation>图层“{0}”为{1}，但“{2}”（{3}）需要{4}。请选择{4}图层（可用 矢量 ▸ 几何工具 转换，例如用“质心”把面转为点）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/_screening_common.py" line="103" />
            <source>Layer '{layer}' ({key}) is a {kind} layer; it must be a point layer of well locations.</source>
            <translation>图层“{layer}”（{key}）为 {kind} 图层；必须是表示井位的点图层。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="547" />
            <source>Layer '{layer}' already has field(s) {fields}; the output replaces them with this run's values.</source>
            <translation>图层“{layer}”已有字段 {fields}；输出中以本次计算结果替换。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/_screening_common.py" line="119" />
            <source>Layer '{layer}' has no field '{field}' (ZONE_GRADE_FIELD, the zone grade severe / general). Its fields are: {fields}. Choose the grade field.</source>
            <translation>图层“{layer}”没有字段“{field}”（ZONE_GRADE_FIELD，超采区等级：严重 / 一般）。该图层的字段有：{fields}。请选择等级字段。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/qgis_io/pdf.py" line="40" />
            <source>No font with Chinese glyphs is installed for Qt, so the Chinese PDF would print empty boxes. Install the Noto CJK fonts (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and run again, or choose LANGUAGE = English.</source>
            <translation>Qt 未找到含中文字形的字体，中文 PDF 将显示为空方框。请安装 Noto CJK 字体（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk）后重新运行，或选择 LANGUAGE = English。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/_screening_common.py" line="154" />
            <source>No supply layer: give the public supply pipes (SUPPLY_PIPES), the supply coverage areas (SUPPLY_AREAS) or both. Notice item 13 bans new self-supplied wells inside supply coverage, so coverage must be known.</source>
            <translation>缺少供水图层：请提供公共供水管网（SUPPLY_PIPES）、供水覆盖范围（SUPPLY_AREAS）或两者。通知第13条禁止在公共供水管网覆盖范围内新建自备井，因此必须知道覆盖范围。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/_screening_common.py" line="125" />
            <source>Reading and preparing the layers…</source>
            <translation>正在读取并准备图层…</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="711" />
            <source>Removed the incomplete output {0} of this failed run.</source>
            <translation>已删除本次失败运行留下的未完成输出 {0}。</translation>
        </message>
    </context>
    <context>
        <name>TuoliGwDependencies</name>
        <message>
            <location filename="../../tuoli_gw_plugin/dependencies.py" line="160" />
            <source>Missing Python packages: {packages}</source>
            <translation>缺少 Python 包：{packages}</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/dependencies.py" line="149" />
            <source>Toli groundwater needs these Python packages in QGIS's Python: {packages}. Install them {how}, then restart QGIS.</source>
            <translation>托里县地下水插件需要在 QGIS 的 Python 中安装以下 Python 包：{packages}。请{how}，然后重启 QGIS。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/dependencies.py" line="138" />
            <source>in a Terminal: {command}</source>
            <translation>在终端中运行：{command}</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/dependencies.py" line="139" />
            <source>in a terminal: {command} (Debian 12 / Ubuntu 23.04 and later also need --break-system-packages)</source>
            <translation>在终端中运行：{command}（Debian 12 / Ubuntu 23.04 及更新版本还需加 --break-system-packages）</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/dependencies.py" line="134" />
            <source>in the OSGeo4W Shell (Start menu ▸ QGIS ▸ OSGeo4W Shell): {command}</source>
            <translation>在 OSGeo4W Shell（开始菜单 ▸ QGIS ▸ OSGeo4W Shell）中运行：{command}</translation>
        </message>
    </context>
    <context>
        <name>TuoliGwPlugin</name>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/plugin_gui.py" line="57" />
            <source>A Python package of the engine fails to import.</source>
            <translation>计算引擎的某个 Python 包无法导入。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/plugin_gui.py" line="67" />
            <source>Check well site</source>
            <translation>井址核查</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/plugin_gui.py" line="53" />
            <source>Check well site (Python packages missing)</source>
            <translation>井址核查（缺少 Python 包）</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/plugin_gui.py" line="56" />
            <source>Check well site needs Python packages that are not installed.</source>
            <translation>井址核查需要尚未安装的 Python 包。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/plugin_gui.py" line="58" />
            <source>Click for how to install them.</source>
            <translation>点击查看安装方法。</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/plugin_gui.py" line="37" />
            <source>Load Toli sample project</source>
            <translation>加载托里县示例工程</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/plugin_gui.py" line="78" />
            <source>The sample project is missing: </source>
            <translation>找不到示例工程：</translation>
        </message>
        <message>
            <location filename="../../tuoli_gw_plugin/gui/plugin_gui.py" line="34" />
            <location filename="../../tuoli_gw_plugin/gui/plugin_gui.py" line="78" />
            <source>Toli groundwater</source>
            <translation>托里县地下水监管</translation>
        </message>
    </context>
    <context>
        <name>TuoliGwProvider</name>
        <message>
            <location filename="../../tuoli_gw_plugin/provider.py" />
            <location filename="../../tuoli_gw_plugin/provider.py" line="59" />
            <source>Toli groundwater</source>
            <translation>托里县地下水监管</translation>
        </message>
    </context>
    <context>
        <name>WaterLevelTrend</name>
        <message>
            <source>Date field</source>
            <translation type="vanished">日期字段</translation>
        </message>
        <message>
            <source>Depth to water field (m)</source>
            <translation type="vanished">地下水埋深字段（m）</translation>
        </message>
        <message>
            <source>Groundwater-level decline per monitoring station and per unit, and the over-extraction grade it implies (GB/T 34968-2017: general for a sustained decline up to 1.5 m/a, severe above; thresholds and the significance level from the rules file). Supports notice 托政发规〔2024〕3号 section 二(一), item 7.

STATIONS: monitoring stations (points) with a station id. SERIES: table (or layer) of observations: station id, date, depth to water (m below ground). STATION_FIELD (default station_id, in both layers), DATE_FIELD (default date; dates or text such as 2024-03-05, 2024/3/5, 2024年3月5日), DEPTH_FIELD (default depth_to_water_m). UNITS (optional): polygons to grade.

OUTPUT: the stations with n_obs, first_date, last_date, years (span), decline_m_per_a (Theil–Sen slope of depth against time; positive = depth increasing = water level falling), mk_p_value (Mann–Kendall test, two-sided), significant (p below the rules' significance_p) and level_grade (none / general / severe; a decline counts only when significant). Stations with fewer than 3 observations or less than one year of record get no rate and no grade and are listed in the log.
OUTPUT_UNITS (optional): the units with stations_n (stations with a rate inside), decline_m_per_a (their median) and level_grade (by the median rate; sustained when at least half of the stations decline significantly). Feed it to tuoli_gw:abstraction_recharge_balance as LEVEL_GRADES.</source>
            <translation type="vanished">计算各监测站及各单元的地下水位下降速率，以及由此确定的超采等级（GB/T 34968-2017：水位持续下降、速率不超过 1.5 m/a 为一般超采，超过为严重超采；阈值和显著性水平取自规则文件）。服务于托政发规〔2024〕3号 第二部分（一）第7条。

STATIONS：带监测站编号的监测站（点）。SERIES：观测记录表（或图层）：监测站编号、日期、地下水埋深（m，地面以下）。STATION_FIELD（默认 station_id，两表共用）、DATE_FIELD（默认 date；日期或“2024-03-05”“2024/3/5”“2024年3月5日”等文本）、DEPTH_FIELD（默认 depth_to_water_m）。UNITS（可选）：待评级的多边形。

OUTPUT：监测站及 n_obs、first_date、last_date、years（时长）、decline_m_per_a（埋深随时间的 Theil–Sen 斜率；为正 = 埋深增大 = 水位下降）、mk_p_value（Mann–Kendall 双侧检验）、significant（p 小于规则的 significance_p）和 level_grade（none / general / severe；仅显著下降才计）。观测少于 3 次或记录不足一年的监测站不计算速率和等级，并在日志中列出。
OUTPUT_UNITS（可选）：各单元及 stations_n（单元内有速率的监测站数）、decline_m_per_a（其中位数）和 level_grade（按中位数速率；至少半数监测站显著下降才视为持续下降）。可作为 LEVEL_GRADES 输入 tuoli_gw:abstraction_recharge_balance。</translation>
        </message>
        <message>
            <source>Monitoring stations (points)</source>
            <translation type="vanished">监测站（点）</translation>
        </message>
        <message>
            <source>OUTPUT_UNITS needs a UNITS layer of polygons to grade.</source>
            <translation type="vanished">OUTPUT_UNITS 需要提供待评级的多边形图层 UNITS。</translation>
        </message>
        <message>
            <source>Over-extraction</source>
            <translation type="vanished">地下水超采</translation>
        </message>
        <message>
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation type="vanished">规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <source>Station id field (in both)</source>
            <translation type="vanished">监测站编号字段（两表共用）</translation>
        </message>
        <message>
            <source>Stations with trend</source>
            <translation type="vanished">监测站水位趋势</translation>
        </message>
        <message>
            <source>UNITS given but no OUTPUT_UNITS: set OUTPUT_UNITS to get the per-unit grades.</source>
            <translation type="vanished">已提供 UNITS 但未设置 OUTPUT_UNITS：请设置 OUTPUT_UNITS 以获得各单元等级。</translation>
        </message>
        <message>
            <source>Units to grade (polygons, optional)</source>
            <translation type="vanished">待评级单元（多边形，可选）</translation>
        </message>
        <message>
            <source>Units with level grade</source>
            <translation type="vanished">各单元水位等级</translation>
        </message>
        <message>
            <source>Water-level observations (table)</source>
            <translation type="vanished">地下水位观测（表格）</translation>
        </message>
        <message>
            <source>Water-level trend (decline rate and level grade)</source>
            <translation type="vanished">地下水位趋势（下降速率与水位等级）</translation>
        </message>
        <message>
            <source>{0} of {1} stations have a trend: {2} severe, {3} general.</source>
            <translation type="vanished">{1} 个监测站中有 {0} 个得出水位趋势：严重 {2} 个，一般 {3} 个。</translation>
        </message>
    </context>
    <context>
        <name>WaterLevelTrendAlgorithm</name>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>, </source>
            <translation type="vanished">，</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="333" />
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消运行；未写出任何输出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="366" />
            <source>Choose one of them in {key} ({label}).</source>
            <translation>请在 {key}（{label}）中选择其中一个字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Date field</source>
            <translation>日期字段</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Dates or text such as 2024-03-05, 2024/3/5, 2024年3月5日.</source>
            <translation>日期或“2024-03-05”“2024/3/5”“2024年3月5日”等文本。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Depth to water field (m)</source>
            <translation>地下水埋深字段（m）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Groundwater-level decline per monitoring station and per unit, and the over-extraction grade it implies (GB/T 34968-2017: general for a sustained decline up to 1.5 m/a, severe above; thresholds and the significance level from the rules file). Supports notice 托政发规〔2024〕3号 section 二(一), item 7.

A record too short to test (fewer readings or a shorter span than the rules file asks, or fewer reading dates than the Mann–Kendall test needs to ever reach significance) is graded undetermined, never none, with the reason in undetermined_reason; such stations are listed in the log. A unit whose stations are all undetermined is undetermined.</source>
            <translation>计算各监测站及各单元的地下水位下降速率，以及由此确定的超采等级（GB/T 34968-2017：水位持续下降、速率不超过 1.5 m/a 为一般超采，超过为严重超采；阈值和显著性水平取自规则文件）。服务于托政发规〔2024〕3号 第二部分（一）第7条。

记录过短无法检验的监测站（观测次数或记录时长少于规则文件要求，或观测日期数少于 Mann–Kendall 检验达到显著所需的最少次数）判定为 undetermined（无法判定），绝不判为 none（未超采），原因写入 undetermined_reason，并在日志中列出。单元内监测站全部无法判定时，该单元也为 undetermined。</translation>
        </message>
        <message>
            <source>Groundwater-level decline per monitoring station and per unit, and the over-extraction grade it implies (GB/T 34968-2017: general for a sustained decline up to 1.5 m/a, severe above; thresholds and the significance level from the rules file). Supports notice 托政发规〔2024〕3号 section 二(一), item 7.

Stations with fewer than 3 observations or less than one year of record get no rate and no grade and are listed in the log.</source>
            <translation type="vanished">计算各监测站及各单元的地下水位下降速率，以及由此确定的超采等级（GB/T 34968-2017：水位持续下降、速率不超过 1.5 m/a 为一般超采，超过为严重超采；阈值和显著性水平取自规则文件）。服务于托政发规〔2024〕3号 第二部分（一）第7条。

观测少于 3 次或记录不足一年的监测站不计算速率和等级，并在日志中列出。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="255" />
            <source>Layer '{layer}' has no field '{field}' ({label}): {consequence}.</source>
            <translation>图层“{layer}”没有字段“{field}”（{label}）：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="435" />
            <source>Layer '{layer}': no field '{wanted}'; using '{actual}' (shapefiles cut field names to 10 characters).</source>
            <translation>图层“{layer}”：没有字段“{wanted}”；改用“{actual}”（shapefile 字段名最多保留 10 个字符）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Monitoring stations (points)</source>
            <translation>监测站（点）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" line="126" />
            <source>OUTPUT_UNITS needs a UNITS layer of polygons to grade.</source>
            <translation>OUTPUT_UNITS 需要提供待评级的多边形图层 UNITS。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="159" />
            <source>Outputs:</source>
            <translation>输出：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Over-extraction</source>
            <translation>地下水超采</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="157" />
            <source>Parameters:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Rules file (JSON; empty = the rules of notice 托政发规〔2024〕3号 shipped with the plugin)</source>
            <translation>规则文件（JSON；留空 = 插件自带的托政发规〔2024〕3号规则）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Station id field (in both)</source>
            <translation>监测站编号字段（两表共用）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Station id, date, depth to water (m below ground).</source>
            <translation>监测站编号、日期、地下水埋深（m，地面以下）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Stations with trend</source>
            <translation>监测站水位趋势</translation>
        </message>
        <message>
            <source>The stations with n_obs, first_date, last_date, years (span), decline_m_per_a (Theil–Sen slope of depth against time; positive = depth increasing = water level falling), mk_p_value (Mann–Kendall test, two-sided), significant (p below the rules' significance_p) and level_grade (none / general / severe; a decline counts only when significant).</source>
            <translation type="vanished">监测站及 n_obs、first_date、last_date、years（时长）、decline_m_per_a（埋深随时间的 Theil–Sen 斜率；为正 = 埋深增大 = 水位下降）、mk_p_value（Mann–Kendall 双侧检验）、significant（p 小于规则的 significance_p）和 level_grade（none / general / severe；仅显著下降才计）。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>The stations with n_obs, first_date, last_date, years (span), decline_m_per_a (Theil–Sen slope of depth against time; positive = depth increasing = water level falling), mk_p_value (Mann–Kendall test, two-sided), significant (p below the rules' significance_p) and level_grade (none / general / severe; a decline counts only when significant; undetermined when the record is too short to test, with the reason in undetermined_reason).</source>
            <translation>监测站及 n_obs、first_date、last_date、years（时长）、decline_m_per_a（埋深随时间的 Theil–Sen 斜率；为正 = 埋深增大 = 水位下降）、mk_p_value（Mann–Kendall 双侧检验）、significant（p 小于规则的 significance_p）和 level_grade（none / general / severe；仅显著下降才计；记录过短无法检验时为 undetermined，原因见 undetermined_reason）。</translation>
        </message>
        <message>
            <source>The units with stations_n (stations with a rate inside), decline_m_per_a (their median) and level_grade (by the median rate; sustained when at least half of the stations decline significantly). Feed it to tuoli_gw:abstraction_recharge_balance as its water-level grades.</source>
            <translation type="vanished">各单元及 stations_n（单元内有速率的监测站数）、decline_m_per_a（其中位数）和 level_grade（按中位数速率；至少半数监测站显著下降才视为持续下降）。可作为水位等级输入 tuoli_gw:abstraction_recharge_balance。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>The units with stations_n (stations with a rate inside), decline_m_per_a (their median) and level_grade (by the median rate; sustained when at least half of the stations decline significantly; undetermined when all its stations are, with the reason in undetermined_reason). Feed it to tuoli_gw:abstraction_recharge_balance as its water-level grades.</source>
            <translation>各单元及 stations_n（单元内有速率的监测站数）、decline_m_per_a（其中位数）和 level_grade（按中位数速率；至少半数监测站显著下降才视为持续下降；单元内监测站全部无法判定时为 undetermined，原因见 undetermined_reason）。可作为水位等级输入 tuoli_gw:abstraction_recharge_balance。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Thresholds, tiers and deadlines with their legal source; copy the shipped file to change one.</source>
            <translation>阈值、档次和期限及其法律依据；如需修改，请复制随插件提供的规则文件后再改。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" line="123" />
            <source>UNITS given but no OUTPUT_UNITS: set OUTPUT_UNITS to get the per-unit grades.</source>
            <translation>已提供 UNITS 但未设置 OUTPUT_UNITS：请设置 OUTPUT_UNITS 以获得各单元等级。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Units to grade (polygons, optional)</source>
            <translation>待评级单元（多边形，可选）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Units with level grade</source>
            <translation>各单元水位等级</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Water-level observations (table)</source>
            <translation>地下水位观测（表格）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>Water-level trend (decline rate and level grade)</source>
            <translation>地下水位趋势（下降速率与水位等级）</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" />
            <source>With a station id.</source>
            <translation>含监测站编号。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="181" />
            <source>Without this field: {consequence}.</source>
            <translation>没有该字段时：{consequence}。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="173" />
            <source>default {value}</source>
            <translation>默认 {value}</translation>
        </message>
        <message>
            <source>feature {feature}</source>
            <translation type="vanished">要素 {feature}</translation>
        </message>
        <message>
            <source>field '{field}'</source>
            <translation type="vanished">字段“{field}”</translation>
        </message>
        <message>
            <source>layer '{layer}'</source>
            <translation type="vanished">图层“{layer}”</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="177" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="175" />
            <source>optional alone: give {keys} or both</source>
            <translation>单独可选：须提供 {keys}，或两者都提供</translation>
        </message>
        <message>
            <location filename="../../processing_algs/water_level_trend.py" line="99" />
            <source>{0} of {1} stations have a trend: {2} severe, {3} general.</source>
            <translation>{1} 个监测站中有 {0} 个得出水位趋势：严重 {2} 个，一般 {3} 个。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="356" />
            <source>{key} = '{field}' (layer '{layer}') cannot be used: {why}</source>
            <translation>{key} = “{field}”（图层“{layer}”）不能使用：{why}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="383" />
            <source>{key} = {value:g} is outside the usual range {low:g} – {high:g}; the run uses it as given: check it is what you meant.</source>
            <translation>{key} = {value:g} 超出通常范围 {low:g} – {high:g}；本次运行按所给值计算：请确认这是您的本意。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="246" />
            <source>{key}: 'geometry' is the layer's geometry, not an attribute field; choose an attribute field.</source>
            <translation>{key}：“geometry”是图层的几何，不是属性字段；请选择一个属性字段。</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="369" />
            <source>{key}: layer '{layer}' ({parent}) has no field '{field}'. Its fields are: {fields}. {where}</source>
            <translation>{key}：图层“{layer}”（{parent}）没有字段“{field}”。该图层的字段为：{fields}。{where}</translation>
        </message>
        <message>
            <location filename="../../processing_algs/base.py" line="299" />
            <source>{output} would write over {source}, an input of this run: {where}. Nothing was written; choose another output file or layer name.</source>
            <translation>{output} 会覆盖本次运行的输入 {source}：{where}。未写入任何内容；请选择其他输出文件或图层名。</translation>
        </message>
        <message>
            <source>{where}: {message}</source>
            <translation type="vanished">{where}：{message}</translation>
        </message>
    </context>
</TS>
