<xsl:stylesheet version="1.0"/>
