<?php
// The editor script's dependencies (WordPress reads this file beside block/index.js); it has
// no build step, so this is written by hand. `partner-roi` is the widget's bundle.
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-data', 'wp-core-data', 'wp-i18n', 'partner-roi' ),
	'version'      => '0.1.0',
);
