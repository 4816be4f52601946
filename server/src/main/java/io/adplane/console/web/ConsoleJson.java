package io.adplane.console.web;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Server data for the charts, as JSON the page embeds in a non-executed {@code <script type="application/json">}
 * (no inline script, so the console's CSP stays strict). {@code <}, {@code >} and {@code &} are escaped, so no
 * text in the data can end that element.
 */
@Component
class ConsoleJson {

    private final JsonMapper json = JsonMapper.builder().build();

    public String write(Object value) {
        return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
