<?php
/**
 * Plugin Name:       Partner ROI
 * Description:       The partner ROI calculator widget on your pages: the [partner_roi] shortcode and the Partner ROI block, with program files from the Media Library.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * Author:            The partner-roi authors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       partner-roi
 *
 * @package PartnerRoi
 */

defined( 'ABSPATH' ) || exit;

const PARTNER_ROI_VERSION = '0.1.0';
const PARTNER_ROI_FILE    = __FILE__;

require_once __DIR__ . '/includes/json.php';
require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/program.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/uploads.php';

add_action( 'init', 'partner_roi_register_script', 5 );
add_action( 'init', 'partner_roi_register_shortcode' );
add_action( 'init', 'partner_roi_register_block' );
add_action( 'wp_enqueue_scripts', 'partner_roi_enqueue_for_queried_post' );
partner_roi_hook_uploads();
