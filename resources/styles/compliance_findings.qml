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
  <renderer-v2 enableorderby="0" forceraster="0" referencescale="-1" symbollevels="0" tolerance="4" toleranceUnit="MM" toleranceUnitScale="3x:0,0,0,0,0,0" type="pointCluster">
    <renderer-v2 attr="severity" enableorderby="0" forceraster="0" referencescale="-1" symbollevels="0" type="categorizedSymbol">
      <categories>
        <category label="critical | 特别严重" render="true" symbol="0" value="critical" />
        <category label="high | 较高" render="true" symbol="1" value="high" />
        <category label="medium | 中等" render="true" symbol="2" value="medium" />
        <category label="low | 较低" render="true" symbol="3" value="low" />
        <category label="other | 其他" render="true" symbol="4" value="" />
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
              <Option name="name" type="QString" value="star" />
              <Option name="offset" type="QString" value="0,0" />
              <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="offset_unit" type="QString" value="MM" />
              <Option name="outline_color" type="QString" value="40,40,40,255" />
              <Option name="outline_style" type="QString" value="solid" />
              <Option name="outline_width" type="QString" value="0.15" />
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
            <prop k="color" v="215,25,28,255" />
            <prop k="horizontal_anchor_point" v="1" />
            <prop k="joinstyle" v="bevel" />
            <prop k="name" v="star" />
            <prop k="offset" v="0,0" />
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
            <prop k="offset_unit" v="MM" />
            <prop k="outline_color" v="40,40,40,255" />
            <prop k="outline_style" v="solid" />
            <prop k="outline_width" v="0.15" />
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
              <Option name="color" type="QString" value="253,141,60,255" />
              <Option name="horizontal_anchor_point" type="QString" value="1" />
              <Option name="joinstyle" type="QString" value="bevel" />
              <Option name="name" type="QString" value="triangle" />
              <Option name="offset" type="QString" value="0,0" />
              <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="offset_unit" type="QString" value="MM" />
              <Option name="outline_color" type="QString" value="40,40,40,255" />
              <Option name="outline_style" type="QString" value="solid" />
              <Option name="outline_width" type="QString" value="0.15" />
              <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="outline_width_unit" type="QString" value="MM" />
              <Option name="scale_method" type="QString" value="diameter" />
              <Option name="size" type="QString" value="2.4" />
              <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="size_unit" type="QString" value="MM" />
              <Option name="vertical_anchor_point" type="QString" value="1" />
            </Option>
            <prop k="angle" v="0" />
            <prop k="cap_style" v="square" />
            <prop k="color" v="253,141,60,255" />
            <prop k="horizontal_anchor_point" v="1" />
            <prop k="joinstyle" v="bevel" />
            <prop k="name" v="triangle" />
            <prop k="offset" v="0,0" />
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
            <prop k="offset_unit" v="MM" />
            <prop k="outline_color" v="40,40,40,255" />
            <prop k="outline_style" v="solid" />
            <prop k="outline_width" v="0.15" />
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
            <prop k="outline_width_unit" v="MM" />
            <prop k="scale_method" v="diameter" />
            <prop k="size" v="2.4" />
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
              <Option name="color" type="QString" value="254,217,118,255" />
              <Option name="horizontal_anchor_point" type="QString" value="1" />
              <Option name="joinstyle" type="QString" value="bevel" />
              <Option name="name" type="QString" value="circle" />
              <Option name="offset" type="QString" value="0,0" />
              <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="offset_unit" type="QString" value="MM" />
              <Option name="outline_color" type="QString" value="40,40,40,255" />
              <Option name="outline_style" type="QString" value="solid" />
              <Option name="outline_width" type="QString" value="0.15" />
              <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="outline_width_unit" type="QString" value="MM" />
              <Option name="scale_method" type="QString" value="diameter" />
              <Option name="size" type="QString" value="2" />
              <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="size_unit" type="QString" value="MM" />
              <Option name="vertical_anchor_point" type="QString" value="1" />
            </Option>
            <prop k="angle" v="0" />
            <prop k="cap_style" v="square" />
            <prop k="color" v="254,217,118,255" />
            <prop k="horizontal_anchor_point" v="1" />
            <prop k="joinstyle" v="bevel" />
            <prop k="name" v="circle" />
            <prop k="offset" v="0,0" />
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
            <prop k="offset_unit" v="MM" />
            <prop k="outline_color" v="40,40,40,255" />
            <prop k="outline_style" v="solid" />
            <prop k="outline_width" v="0.15" />
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
            <prop k="outline_width_unit" v="MM" />
            <prop k="scale_method" v="diameter" />
            <prop k="size" v="2" />
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
              <Option name="color" type="QString" value="171,217,233,255" />
              <Option name="horizontal_anchor_point" type="QString" value="1" />
              <Option name="joinstyle" type="QString" value="bevel" />
              <Option name="name" type="QString" value="circle" />
              <Option name="offset" type="QString" value="0,0" />
              <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="offset_unit" type="QString" value="MM" />
              <Option name="outline_color" type="QString" value="40,40,40,255" />
              <Option name="outline_style" type="QString" value="solid" />
              <Option name="outline_width" type="QString" value="0.15" />
              <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="outline_width_unit" type="QString" value="MM" />
              <Option name="scale_method" type="QString" value="diameter" />
              <Option name="size" type="QString" value="1.8" />
              <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="size_unit" type="QString" value="MM" />
              <Option name="vertical_anchor_point" type="QString" value="1" />
            </Option>
            <prop k="angle" v="0" />
            <prop k="cap_style" v="square" />
            <prop k="color" v="171,217,233,255" />
            <prop k="horizontal_anchor_point" v="1" />
            <prop k="joinstyle" v="bevel" />
            <prop k="name" v="circle" />
            <prop k="offset" v="0,0" />
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
            <prop k="offset_unit" v="MM" />
            <prop k="outline_color" v="40,40,40,255" />
            <prop k="outline_style" v="solid" />
            <prop k="outline_width" v="0.15" />
            <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
            <prop k="outline_width_unit" v="MM" />
            <prop k="scale_method" v="diameter" />
            <prop k="size" v="1.8" />
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
              <Option name="color" type="QString" value="160,160,160,255" />
              <Option name="horizontal_anchor_point" type="QString" value="1" />
              <Option name="joinstyle" type="QString" value="bevel" />
              <Option name="name" type="QString" value="circle" />
              <Option name="offset" type="QString" value="0,0" />
              <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
              <Option name="offset_unit" type="QString" value="MM" />
              <Option name="outline_color" type="QString" value="40,40,40,255" />
              <Option name="outline_style" type="QString" value="solid" />
              <Option name="outline_width" type="QString" value="0.15" />
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
            <prop k="color" v="160,160,160,255" />
            <prop k="horizontal_anchor_point" v="1" />
            <prop k="joinstyle" v="bevel" />
            <prop k="name" v="circle" />
            <prop k="offset" v="0,0" />
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
            <prop k="offset_unit" v="MM" />
            <prop k="outline_color" v="40,40,40,255" />
            <prop k="outline_style" v="solid" />
            <prop k="outline_width" v="0.15" />
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
      </symbols>
      <rotation />
      <sizescale />
    </renderer-v2>
    <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="centerSymbol" type="marker">
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
          <Option name="color" type="QString" value="245,75,80,255" />
          <Option name="horizontal_anchor_point" type="QString" value="1" />
          <Option name="joinstyle" type="QString" value="bevel" />
          <Option name="name" type="QString" value="circle" />
          <Option name="offset" type="QString" value="0,0" />
          <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          <Option name="offset_unit" type="QString" value="MM" />
          <Option name="outline_color" type="QString" value="35,35,35,255" />
          <Option name="outline_style" type="QString" value="solid" />
          <Option name="outline_width" type="QString" value="0" />
          <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          <Option name="outline_width_unit" type="QString" value="MM" />
          <Option name="scale_method" type="QString" value="diameter" />
          <Option name="size" type="QString" value="4" />
          <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          <Option name="size_unit" type="QString" value="MM" />
          <Option name="vertical_anchor_point" type="QString" value="1" />
        </Option>
        <prop k="angle" v="0" />
        <prop k="cap_style" v="square" />
        <prop k="color" v="245,75,80,255" />
        <prop k="horizontal_anchor_point" v="1" />
        <prop k="joinstyle" v="bevel" />
        <prop k="name" v="circle" />
        <prop k="offset" v="0,0" />
        <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
        <prop k="offset_unit" v="MM" />
        <prop k="outline_color" v="35,35,35,255" />
        <prop k="outline_style" v="solid" />
        <prop k="outline_width" v="0" />
        <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
        <prop k="outline_width_unit" v="MM" />
        <prop k="scale_method" v="diameter" />
        <prop k="size" v="4" />
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
      <layer class="FontMarker" enabled="1" locked="0" pass="0">
        <Option type="Map">
          <Option name="angle" type="QString" value="0" />
          <Option name="chr" type="QString" value="A" />
          <Option name="color" type="QString" value="255,255,255,255" />
          <Option name="font" type="QString" value="DejaVu Sans" />
          <Option name="font_style" type="QString" value="" />
          <Option name="horizontal_anchor_point" type="QString" value="1" />
          <Option name="joinstyle" type="QString" value="miter" />
          <Option name="offset" type="QString" value="0,-0.40000000000000002" />
          <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          <Option name="offset_unit" type="QString" value="MM" />
          <Option name="outline_color" type="QString" value="255,255,255,255" />
          <Option name="outline_width" type="QString" value="0" />
          <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          <Option name="outline_width_unit" type="QString" value="MM" />
          <Option name="size" type="QString" value="3.2" />
          <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          <Option name="size_unit" type="QString" value="MM" />
          <Option name="vertical_anchor_point" type="QString" value="1" />
        </Option>
        <prop k="angle" v="0" />
        <prop k="chr" v="A" />
        <prop k="color" v="255,255,255,255" />
        <prop k="font" v="DejaVu Sans" />
        <prop k="font_style" v="" />
        <prop k="horizontal_anchor_point" v="1" />
        <prop k="joinstyle" v="miter" />
        <prop k="offset" v="0,-0.40000000000000002" />
        <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
        <prop k="offset_unit" v="MM" />
        <prop k="outline_color" v="255,255,255,255" />
        <prop k="outline_width" v="0" />
        <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
        <prop k="outline_width_unit" v="MM" />
        <prop k="size" v="3.2" />
        <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
        <prop k="size_unit" v="MM" />
        <prop k="vertical_anchor_point" v="1" />
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" type="Map">
              <Option name="char" type="Map">
                <Option name="active" type="bool" value="true" />
                <Option name="expression" type="QString" value="@cluster_size" />
                <Option name="type" type="int" value="3" />
              </Option>
            </Option>
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
      </layer>
    </symbol>
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
    <field configurationFlags="None" name="finding">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="severity">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="finding" index="0" name="" />
    <alias field="severity" index="1" name="" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="finding" />
    <default applyOnUpdate="0" expression="" field="severity" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="finding" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="severity" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="finding" />
    <constraint desc="" exp="" field="severity" />
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
