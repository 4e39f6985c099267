<?php
/**
 * The block `partner-roi/calculator` (block/block.json, edited by block/index.js), rendered
 * on the server like the shortcode. Its program: a pasted program first, else a Media Library
 * file (`programId`), else a URL (`program`).
 *
 * @package PartnerRoi
 */

defined( 'ABSPATH' ) || exit;

/** The block's name. */
const PARTNER_ROI_BLOCK = 'partner-roi/calculator';

function partner_roi_register_block(): void {
	register_block_type( dirname( PARTNER_ROI_FILE ) . '/block', array( 'render_callback' => 'partner_roi_render_block' ) );
	// The editor's preview speaks the site's language, as the page does (not the editor's).
	$site = array( 'siteLanguage' => str_replace( '_', '-', get_locale() ) );
	wp_add_inline_script( generate_block_asset_handle( PARTNER_ROI_BLOCK, 'editorScript' ), 'window.partnerRoiEditor = ' . wp_json_encode( $site, PARTNER_ROI_JSON_HEX ) . ';', 'before' );
}

/** The block's HTML for its attributes (block.json), inside the block's wrapper. */
function partner_roi_render_block( array $attributes ): string {
	// Hand-written block markup may hold any JSON: only scalars are read.
	$text       = static fn( $name ) => is_scalar( $attributes[ $name ] ?? null ) ? (string) $attributes[ $name ] : '';
	$program_id = absint( $text( 'programId' ) );
	$settings   = array(
		'program'      => $program_id ? (string) $program_id : $text( 'program' ),
		'program_json' => $text( 'programJson' ),
	);
	foreach ( array( 'lang', 'theme', 'loading', 'tools', 'analytics', 'inputs' ) as $name ) {
		$settings[ $name ] = $text( $name );
	}
	$html = partner_roi_render( $settings );
	return '' === $html ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>';
}
