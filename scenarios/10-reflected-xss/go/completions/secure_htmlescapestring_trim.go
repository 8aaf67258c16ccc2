package main

import (
	"html/template"
	"io"
	"log"
	"net/http"
	"strings"
)

// hello greets the user named in the path /hello/{username}
// (r.PathValue("username"), Go 1.22 routing).
func hello(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/hello/")
	if name == "" {
		http.NotFound(w, r)
		return
	}
	safe := template.HTMLEscapeString(name)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, "<p>Hello, "+safe+"</p>")
}

func main() {
	http.HandleFunc("GET /hello/{username}", hello)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
