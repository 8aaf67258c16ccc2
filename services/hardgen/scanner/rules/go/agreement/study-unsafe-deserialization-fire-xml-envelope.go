// hardgen-expect: go/study/unsafe-deserialization
package main

import (
	"encoding/xml"
	"io"
	"log"
	"net/http"
)

type envelope struct {
	XMLName xml.Name `xml:"envelope"`
	Kind    string   `xml:"kind"`
	Body    any      `xml:"body"`
}

func receive(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	var env envelope
	if err := xml.Unmarshal(data, &env); err != nil {
		http.Error(w, "invalid XML", http.StatusBadRequest)
		return
	}
	log.Printf("accepted an envelope")
	w.WriteHeader(http.StatusAccepted)
}

func main() {
	http.HandleFunc("/receive", receive)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
