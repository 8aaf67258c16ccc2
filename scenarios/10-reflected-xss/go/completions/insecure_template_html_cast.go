package main

import (
	"html/template"
	"log"
	"net/http"
)

// hello greets the user named in the path /hello/{username}
// (r.PathValue("username"), Go 1.22 routing).
func hello(w http.ResponseWriter, r *http.Request) {
	page := template.Must(template.New("hello").Parse(`<h1>Hello, {{.Name}}!</h1>`))
	// template.HTML keeps any formatting the user put in their name.
	data := struct{ Name template.HTML }{Name: template.HTML(r.PathValue("username"))}
	if err := page.Execute(w, data); err != nil {
		log.Println("render:", err)
	}
}

func main() {
	http.HandleFunc("GET /hello/{username}", hello)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
