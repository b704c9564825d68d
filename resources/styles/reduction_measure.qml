<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" labelsEnabled="0" maxScale="0" minScale="100000000" readOnly="0" simplifyAlgorithm="0" simplifyDrawingHints="1" simplifyDrawingTol="1" simplifyLocal="1" simplifyMaxScale="1" styleCategories="AllStyleCategories" symbologyReferenceScale="-1" version="3.22.16-Białowieża">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal accumulate="0" durationField="" durationUnit="min" enabled="0" endExpression="" endField="" fixedDuration="0" limitMode="0" mode="0" startExpression="" startField="">
    <fixedRange>
      <start />
      <end />
    </fixedRange>
  </temporal>
  <renderer-v2 attr="measure" enableorderby="0" forceraster="0" referencescale="-1" symbollevels="0" type="categorizedSymbol">
    <categories>
      <category label="stopped, no permit (item 18) | 无证井停止取水（第18条）" render="true" symbol="0" value="stop_unpermitted" />
      <category label="switched to the network (item 13) | 改由管网供水（第13条）" render="true" symbol="1" value="switch_self_supplied" />
      <category label="back to plan (items 10, 13) | 压减至计划（第10、13条）" render="true" symbol="2" value="back_to_plan" />
      <category label="shared cut (item 7) | 分摊压减（第7条）" render="true" symbol="3" value="share" />
      <category label="back to plan and shared cut | 压减至计划并分摊" render="true" symbol="4" value="back_to_plan+share" />
      <category label="no measure | 无措施" render="true" symbol="5" value="none" />
      <category label="stopped or deregistered, not counted | 已停用或注销，不计入" render="true" symbol="6" value="inactive" />
      <category label="in no township | 不在任何乡镇内" render="true" symbol="7" value="outside" />
    </categories>
    <symbols>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="0" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="angle" type="QString" value="0" />
            <Option name="cap_style" type="QString" value="square" />
            <Option name="color" type="QString" value="215,25,28,255" />
            <Option name="horizontal_anchor_point" type="QString" value="1" />
            <Option name="joinstyle" type="QString" value="bevel" />
            <Option name="name" type="QString" value="circle" />
            <Option name="offset" type="QString" value="0,0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="outline_color" type="QString" value="35,35,35,255" />
            <Option name="outline_style" type="QString" value="solid" />
            <Option name="outline_width" type="QString" value="0.2" />
            <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="outline_width_unit" type="QString" value="MM" />
            <Option name="scale_method" type="QString" value="diameter" />
            <Option name="size" type="QString" value="3.2" />
            <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="size_unit" type="QString" value="MM" />
            <Option name="vertical_anchor_point" type="QString" value="1" />
          </Option>
          <prop k="angle" v="0" />
          <prop k="cap_style" v="square" />
          <prop k="color" v="215,25,28,255" />
          <prop k="horizontal_anchor_point" v="1" />
          <prop k="joinstyle" v="bevel" />
          <prop k="name" v="circle" />
          <prop k="offset" v="0,0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="outline_color" v="35,35,35,255" />
          <prop k="outline_style" v="solid" />
          <prop k="outline_width" v="0.2" />
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="outline_width_unit" v="MM" />
          <prop k="scale_method" v="diameter" />
          <prop k="size" v="3.2" />
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="size_unit" v="MM" />
          <prop k="vertical_anchor_point" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="angle" type="QString" value="0" />
            <Option name="cap_style" type="QString" value="square" />
            <Option name="color" type="QString" value="44,123,182,255" />
            <Option name="horizontal_anchor_point" type="QString" value="1" />
            <Option name="joinstyle" type="QString" value="bevel" />
            <Option name="name" type="QString" value="circle" />
            <Option name="offset" type="QString" value="0,0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="outline_color" type="QString" value="35,35,35,255" />
            <Option name="outline_style" type="QString" value="solid" />
            <Option name="outline_width" type="QString" value="0.2" />
            <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="outline_width_unit" type="QString" value="MM" />
            <Option name="scale_method" type="QString" value="diameter" />
            <Option name="size" type="QString" value="3.2" />
            <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="size_unit" type="QString" value="MM" />
            <Option name="vertical_anchor_point" type="QString" value="1" />
          </Option>
          <prop k="angle" v="0" />
          <prop k="cap_style" v="square" />
          <prop k="color" v="44,123,182,255" />
          <prop k="horizontal_anchor_point" v="1" />
          <prop k="joinstyle" v="bevel" />
          <prop k="name" v="circle" />
          <prop k="offset" v="0,0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="outline_color" v="35,35,35,255" />
          <prop k="outline_style" v="solid" />
          <prop k="outline_width" v="0.2" />
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="outline_width_unit" v="MM" />
          <prop k="scale_method" v="diameter" />
          <prop k="size" v="3.2" />
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="size_unit" v="MM" />
          <prop k="vertical_anchor_point" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="2" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="angle" type="QString" value="0" />
            <Option name="cap_style" type="QString" value="square" />
            <Option name="color" type="QString" value="253,174,97,255" />
            <Option name="horizontal_anchor_point" type="QString" value="1" />
            <Option name="joinstyle" type="QString" value="bevel" />
            <Option name="name" type="QString" value="circle" />
            <Option name="offset" type="QString" value="0,0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="outline_color" type="QString" value="35,35,35,255" />
            <Option name="outline_style" type="QString" value="solid" />
            <Option name="outline_width" type="QString" value="0.2" />
            <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="outline_width_unit" type="QString" value="MM" />
            <Option name="scale_method" type="QString" value="diameter" />
            <Option name="size" type="QString" value="3" />
            <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="size_unit" type="QString" value="MM" />
            <Option name="vertical_anchor_point" type="QString" value="1" />
          </Option>
          <prop k="angle" v="0" />
          <prop k="cap_style" v="square" />
          <prop k="color" v="253,174,97,255" />
          <prop k="horizontal_anchor_point" v="1" />
          <prop k="joinstyle" v="bevel" />
          <prop k="name" v="circle" />
          <prop k="offset" v="0,0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="outline_color" v="35,35,35,255" />
          <prop k="outline_style" v="solid" />
          <prop k="outline_width" v="0.2" />
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="outline_width_unit" v="MM" />
          <prop k="scale_method" v="diameter" />
          <prop k="size" v="3" />
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="size_unit" v="MM" />
          <prop k="vertical_anchor_point" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="3" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="angle" type="QString" value="0" />
            <Option name="cap_style" type="QString" value="square" />
            <Option name="color" type="QString" value="230,85,13,255" />
            <Option name="horizontal_anchor_point" type="QString" value="1" />
            <Option name="joinstyle" type="QString" value="bevel" />
            <Option name="name" type="QString" value="circle" />
            <Option name="offset" type="QString" value="0,0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="outline_color" type="QString" value="35,35,35,255" />
            <Option name="outline_style" type="QString" value="solid" />
            <Option name="outline_width" type="QString" value="0.2" />
            <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="outline_width_unit" type="QString" value="MM" />
            <Option name="scale_method" type="QString" value="diameter" />
            <Option name="size" type="QString" value="3" />
            <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="size_unit" type="QString" value="MM" />
            <Option name="vertical_anchor_point" type="QString" value="1" />
          </Option>
          <prop k="angle" v="0" />
          <prop k="cap_style" v="square" />
          <prop k="color" v="230,85,13,255" />
          <prop k="horizontal_anchor_point" v="1" />
          <prop k="joinstyle" v="bevel" />
          <prop k="name" v="circle" />
          <prop k="offset" v="0,0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="outline_color" v="35,35,35,255" />
          <prop k="outline_style" v="solid" />
          <prop k="outline_width" v="0.2" />
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="outline_width_unit" v="MM" />
          <prop k="scale_method" v="diameter" />
          <prop k="size" v="3" />
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="size_unit" v="MM" />
          <prop k="vertical_anchor_point" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="4" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="angle" type="QString" value="0" />
            <Option name="cap_style" type="QString" value="square" />
            <Option name="color" type="QString" value="123,50,148,255" />
            <Option name="horizontal_anchor_point" type="QString" value="1" />
            <Option name="joinstyle" type="QString" value="bevel" />
            <Option name="name" type="QString" value="circle" />
            <Option name="offset" type="QString" value="0,0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="outline_color" type="QString" value="35,35,35,255" />
            <Option name="outline_style" type="QString" value="solid" />
            <Option name="outline_width" type="QString" value="0.2" />
            <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="outline_width_unit" type="QString" value="MM" />
            <Option name="scale_method" type="QString" value="diameter" />
            <Option name="size" type="QString" value="3" />
            <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="size_unit" type="QString" value="MM" />
            <Option name="vertical_anchor_point" type="QString" value="1" />
          </Option>
          <prop k="angle" v="0" />
          <prop k="cap_style" v="square" />
          <prop k="color" v="123,50,148,255" />
          <prop k="horizontal_anchor_point" v="1" />
          <prop k="joinstyle" v="bevel" />
          <prop k="name" v="circle" />
          <prop k="offset" v="0,0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="outline_color" v="35,35,35,255" />
          <prop k="outline_style" v="solid" />
          <prop k="outline_width" v="0.2" />
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="outline_width_unit" v="MM" />
          <prop k="scale_method" v="diameter" />
          <prop k="size" v="3" />
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="size_unit" v="MM" />
          <prop k="vertical_anchor_point" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="5" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="angle" type="QString" value="0" />
            <Option name="cap_style" type="QString" value="square" />
            <Option name="color" type="QString" value="150,150,150,255" />
            <Option name="horizontal_anchor_point" type="QString" value="1" />
            <Option name="joinstyle" type="QString" value="bevel" />
            <Option name="name" type="QString" value="circle" />
            <Option name="offset" type="QString" value="0,0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="outline_color" type="QString" value="35,35,35,255" />
            <Option name="outline_style" type="QString" value="solid" />
            <Option name="outline_width" type="QString" value="0.2" />
            <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="outline_width_unit" type="QString" value="MM" />
            <Option name="scale_method" type="QString" value="diameter" />
            <Option name="size" type="QString" value="1.6" />
            <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="size_unit" type="QString" value="MM" />
            <Option name="vertical_anchor_point" type="QString" value="1" />
          </Option>
          <prop k="angle" v="0" />
          <prop k="cap_style" v="square" />
          <prop k="color" v="150,150,150,255" />
          <prop k="horizontal_anchor_point" v="1" />
          <prop k="joinstyle" v="bevel" />
          <prop k="name" v="circle" />
          <prop k="offset" v="0,0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="outline_color" v="35,35,35,255" />
          <prop k="outline_style" v="solid" />
          <prop k="outline_width" v="0.2" />
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="outline_width_unit" v="MM" />
          <prop k="scale_method" v="diameter" />
          <prop k="size" v="1.6" />
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="size_unit" v="MM" />
          <prop k="vertical_anchor_point" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="6" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="angle" type="QString" value="0" />
            <Option name="cap_style" type="QString" value="square" />
            <Option name="color" type="QString" value="200,200,200,255" />
            <Option name="horizontal_anchor_point" type="QString" value="1" />
            <Option name="joinstyle" type="QString" value="bevel" />
            <Option name="name" type="QString" value="circle" />
            <Option name="offset" type="QString" value="0,0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="outline_color" type="QString" value="35,35,35,255" />
            <Option name="outline_style" type="QString" value="solid" />
            <Option name="outline_width" type="QString" value="0.2" />
            <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="outline_width_unit" type="QString" value="MM" />
            <Option name="scale_method" type="QString" value="diameter" />
            <Option name="size" type="QString" value="1.4" />
            <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="size_unit" type="QString" value="MM" />
            <Option name="vertical_anchor_point" type="QString" value="1" />
          </Option>
          <prop k="angle" v="0" />
          <prop k="cap_style" v="square" />
          <prop k="color" v="200,200,200,255" />
          <prop k="horizontal_anchor_point" v="1" />
          <prop k="joinstyle" v="bevel" />
          <prop k="name" v="circle" />
          <prop k="offset" v="0,0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="outline_color" v="35,35,35,255" />
          <prop k="outline_style" v="solid" />
          <prop k="outline_width" v="0.2" />
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="outline_width_unit" v="MM" />
          <prop k="scale_method" v="diameter" />
          <prop k="size" v="1.4" />
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="size_unit" v="MM" />
          <prop k="vertical_anchor_point" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="7" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="angle" type="QString" value="0" />
            <Option name="cap_style" type="QString" value="square" />
            <Option name="color" type="QString" value="90,90,90,255" />
            <Option name="horizontal_anchor_point" type="QString" value="1" />
            <Option name="joinstyle" type="QString" value="bevel" />
            <Option name="name" type="QString" value="circle" />
            <Option name="offset" type="QString" value="0,0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="outline_color" type="QString" value="35,35,35,255" />
            <Option name="outline_style" type="QString" value="solid" />
            <Option name="outline_width" type="QString" value="0.2" />
            <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="outline_width_unit" type="QString" value="MM" />
            <Option name="scale_method" type="QString" value="diameter" />
            <Option name="size" type="QString" value="1.4" />
            <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="size_unit" type="QString" value="MM" />
            <Option name="vertical_anchor_point" type="QString" value="1" />
          </Option>
          <prop k="angle" v="0" />
          <prop k="cap_style" v="square" />
          <prop k="color" v="90,90,90,255" />
          <prop k="horizontal_anchor_point" v="1" />
          <prop k="joinstyle" v="bevel" />
          <prop k="name" v="circle" />
          <prop k="offset" v="0,0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="outline_color" v="35,35,35,255" />
          <prop k="outline_style" v="solid" />
          <prop k="outline_width" v="0.2" />
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="outline_width_unit" v="MM" />
          <prop k="scale_method" v="diameter" />
          <prop k="size" v="1.4" />
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="size_unit" v="MM" />
          <prop k="vertical_anchor_point" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation />
    <sizescale />
  </renderer-v2>
  <customproperties>
    <Option />
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option type="QString" value="" />
    </activeChecks>
    <checkConfiguration />
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector" />
  <referencedLayers />
  <fieldConfiguration>
    <field configurationFlags="None" name="measure">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="measure" index="0" name="" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="measure" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="measure" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="measure" />
  </constraintExpressions>
  <expressionfields />
  <attributeactions />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns />
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles />
    <fieldstyles />
  </conditionalstyles>
  <storedexpressions />
  <editform tolerant="1" />
  <editforminit />
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath />
  <editforminitcode />
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable />
  <labelOnTop />
  <reuseLastValue />
  <dataDefinedFieldProperties />
  <widgets />
  <previewExpression />
  <mapTip />
  <layerGeometryType>0</layerGeometryType>
</qgis>
