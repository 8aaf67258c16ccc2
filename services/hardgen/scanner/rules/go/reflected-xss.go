package main

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"strings"
)

func fprintf(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/hello/")
	// ruleid: go-reflected-xss
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", name)
}

func write(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-reflected-xss
	w.Write([]byte("Hello " + r.PathValue("username")))
}

func writeString(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	// ruleid: go-reflected-xss
	io.WriteString(w, "<p>"+user+"</p>")
}

func rawTemplate(w http.ResponseWriter, r *http.Request) {
	tmpl := template.Must(template.New("x").Parse(`<p>{{.}}</p>`))
	// ruleid: go-reflected-xss
	tmpl.Execute(w, template.HTML(r.FormValue("name")))
}

func uploadEcho(w http.ResponseWriter, r *http.Request) {
	_, header, err := r.FormFile("pdf")
	if err != nil {
		return
	}
	// ruleid: go-reflected-xss
	fmt.Fprintf(w, "<p>saved %s</p>", header.Filename)
}

func formatFirst(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-reflected-xss
	fmt.Fprintf(w, "%s is not subscribed", r.FormValue("email"))
}

func textPrefix(w http.ResponseWriter, r *http.Request) {
	// a body that starts with "Hello" is never sniffed as HTML
	// ok: go-reflected-xss
	fmt.Fprintf(w, "Hello, %s!", r.PathValue("username"))
}

func escaped(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("username")
	// ok: go-reflected-xss
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", html.EscapeString(name))
}

func plainText(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	// ok: go-reflected-xss
	fmt.Fprintf(w, "Hello, %s!", r.PathValue("username"))
}

func viaTemplate(w http.ResponseWriter, r *http.Request) {
	tmpl := template.Must(template.New("x").Parse(`<p>{{.}}</p>`))
	// ok: go-reflected-xss
	tmpl.Execute(w, r.PathValue("username"))
}

func httpError(w http.ResponseWriter, r *http.Request) {
	// ok: go-reflected-xss
	http.Error(w, "unknown user "+r.FormValue("u"), http.StatusNotFound)
}
