<?php
/**
 * The `[partner_roi]` shortcode: `program` (a URL, the ID of a JSON file in the Media
 * Library, or `example`), `lang`, `theme`, `loading`, `tools`, `analytics`, `inputs`.
 *
 * @package PartnerRoi
 */

defined( 'ABSPATH' ) || exit;

/** The shortcode's tag. */
const PARTNER_ROI_SHORTCODE = 'partner_roi';

/** The shortcode's attributes and their defaults (empty: the widget's own default). */
const PARTNER_ROI_SHORTCODE_ATTRIBUTES = array(
	'program'   => '',
	'lang'      => '',
	'theme'     => '',
	'loading'   => '',
	'tools'     => '',
	'analytics' => '',
	'inputs'    => '',
);

function partner_roi_register_shortcode(): void {
	add_shortcode( PARTNER_ROI_SHORTCODE, 'partner_roi_shortcode' );
}

/**
 * The shortcode's output.
 *
 * @param array|string $atts The attributes as written ('' when there are none).
 */
function partner_roi_shortcode( $atts ): string {
	$settings = shortcode_atts( PARTNER_ROI_SHORTCODE_ATTRIBUTES, (array) $atts, PARTNER_ROI_SHORTCODE );
	return partner_roi_render( array_map( 'strval', $settings ) );
}
